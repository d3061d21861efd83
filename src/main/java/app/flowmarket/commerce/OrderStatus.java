package app.flowmarket.commerce;

public enum OrderStatus {
    PENDING, PAID, FAILED, REFUNDED
}
