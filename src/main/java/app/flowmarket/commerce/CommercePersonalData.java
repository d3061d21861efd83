package app.flowmarket.commerce;

import java.util.List;
import java.util.Map;

import app.flowmarket.shared.PersonalData;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, the cart and, for sellers, their sales (what was sold and when, never to whom). Orders and the ledger are
 * kept after a deletion: they are invoices, which the law asks us to keep; they carry no name or address.
 */
@Component
class CommercePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    CommercePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "orders";
    }

    @Override
    public void export(Subject subject, Sink sink) {
        var id = subject.account().value();
        List<Map<String, @Nullable Object>> orders = jdbc.sql("""
                select number, status, currency, subtotal_minor, discount_minor, total_minor, created_at, paid_at, closed_at
                from purchase_order where buyer_id = ? order by created_at""").param(id).query().listOfRows();
        sink.table("orders", "Your orders: number, status, amounts (minor units) and when they were placed and paid.", orders);
        List<Map<String, @Nullable Object>> lines = jdbc.sql("""
                select o.number as order_number, l.position, l.kind, l.title, l.list_minor, l.net_minor, o.currency, l.status, l.refunded_at
                from order_line l join purchase_order o on o.id = l.order_id where o.buyer_id = ? order by o.created_at, l.position""")
                .param(id).query().listOfRows();
        sink.table("order-lines", "What each of your orders bought, at which price.", lines);
        List<Map<String, @Nullable Object>> cart = jdbc.sql("""
                select i.kind, i.ref_id, i.added_at from cart c join cart_item i on i.cart_id = c.id where c.owner_id = ? order by i.added_at""")
                .param(id).query().listOfRows();
        sink.table("cart", "What is in your cart.", cart);
        List<Map<String, @Nullable Object>> codes = jdbc.sql("""
                select c.code, o.number as order_number, r.redeemed_at from coupon_redemption r join coupon c on c.id = r.coupon_id
                join purchase_order o on o.id = r.order_id where r.buyer_id = ? order by r.redeemed_at""").param(id).query().listOfRows();
        sink.table("promo-codes", "The promo codes you used, and on which order.", codes);
        List<Map<String, @Nullable Object>> sales = jdbc.sql("""
                select o.paid_at as sold_at, l.title, l.net_minor, l.fee_minor, l.seller_minor, o.currency, l.status, l.refunded_at
                from order_line l join purchase_order o on o.id = l.order_id join store_summary s on s.id = l.store_id
                where s.owner_id = ? and o.paid_at is not null order by o.paid_at""").param(id).query().listOfRows();
        sink.table("sales", "Sales of your workflows and bundles (sellers): when, what, the amounts and your share; buyers are not named.", sales);
    }

    @Override
    @Transactional
    public void erase(Subject subject) {
        jdbc.sql("delete from cart where owner_id = ?").param(subject.account().value()).update();
    }

    @Override
    public List<String> erasedKeys() {
        return List.of("privacy.erased.cart");
    }

    @Override
    public List<String> keptKeys() {
        return List.of("privacy.kept.orders");
    }
}
