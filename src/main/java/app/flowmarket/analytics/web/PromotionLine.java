package app.flowmarket.analytics.web;

import app.flowmarket.commerce.DiscountPerformance;
import app.flowmarket.shared.Money;

/**
 * One line of the dashboard's table of promotions: the promotion, what its workflows sold on the days it ran (and
 * brought, and what it took off), and what they sold in as many days before it, from the rollups the charts read.
 */
public record PromotionLine(DiscountPerformance.PromotionRow promotion, long sold, Money revenue, Money discount, long soldBefore) {
}
