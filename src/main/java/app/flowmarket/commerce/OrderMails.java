package app.flowmarket.commerce;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.flowmarket.shared.AccountId;
import app.flowmarket.account.Person;
import app.flowmarket.account.AccountManagement;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The buyer's receipt and refund mails. They are queued after the order's transaction commits, from
 * the event publication registry (a crash in between loses nothing), each under a key so that a
 * redelivered event queues no second mail. A receipt shows each seller's price and, when the order was
 * charged in another currency, what was charged for it and at which rate, and each line's licence: its tier
 * and its key. A free workflow got into the
 * library has no receipt: nothing was paid.
 */
@Component
class OrderMails {

    private final AccountManagement accounts;
    private final Mailer mailer;
    private final IssuedLicences licences;

    OrderMails(AccountManagement accounts, Mailer mailer, IssuedLicences licences) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.licences = licences;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        if (event.free()) {
            return;
        }
        accounts.person(event.buyerId()).ifPresent(buyer -> {
            Locale locale = buyer.locale();
            Mail mail = Mail.to(recipient(buyer)).once("receipt:" + event.orderId())
                    .subject("mail.receipt.subject", event.orderNumber())
                    .paragraph("mail.receipt.body", event.orderNumber());
            Map<UUID, String> keys = licences.keysOf(event.lines().stream().map(OrderMails::licenceLine).toList());
            for (OrderPaid.Line line : event.lines()) {
                boolean converted = !line.net().currency().equals(line.charged().currency());
                mail.text("• " + line.title() + " — " + line.net().format(locale)
                        + (converted ? " → " + line.charged().format(locale) : ""));
                String key = keys.get(licenceLine(line));
                if (key != null) {
                    mail.paragraph("mail.receipt.licence." + line.tier().slug(), key);
                }
            }
            mail.paragraph("mail.receipt.total", event.total().format(locale));
            if (event.converted()) {
                Set<String> seen = new HashSet<>();
                StringBuilder rates = new StringBuilder();
                for (OrderPaid.Line line : event.lines()) {
                    String from = line.net().currency().getCurrencyCode();
                    if (!from.equals(line.charged().currency().getCurrencyCode()) && seen.add(from)) {
                        rates.append(rates.isEmpty() ? "" : ", ").append("1 ").append(from).append(" = ")
                                .append(rate(line.rate(), locale)).append(' ').append(line.charged().currency().getCurrencyCode());
                    }
                }
                mail.paragraph("mail.receipt.rates", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                        .format(event.ratesDate()), rates.toString());
            }
            mailer.send(mail.paragraph("mail.receipt.library")
                    .action("mail.receipt.action", "/orders/" + event.orderId()));
        });
    }

    @ApplicationModuleListener
    void on(OrderLineRefunded event) {
        accounts.person(event.buyerId()).ifPresent(buyer -> {
            OrderPaid.Line line = event.line();
            mailer.send(Mail.to(recipient(buyer)).once("refund:" + line.lineId())
                    .subject("mail.refund.subject", event.orderNumber())
                    .paragraph("mail.refund.body", line.title(), line.charged().format(buyer.locale()))
                    .paragraph("mail.refund.access")
                    .action("mail.receipt.action", "/orders/" + event.orderId()));
        });
    }

    /** The order line whose licence the line sold: its own, or for an upgrade the licence's it raised. */
    private static UUID licenceLine(OrderPaid.Line line) {
        UUID upgraded = line.upgradeOf();
        return upgraded != null ? upgraded : line.lineId();
    }

    /** A rate as people read it: up to six decimals, in their number format. */
    static String rate(BigDecimal rate, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(6);
        return format.format(rate);
    }

    private static Recipient recipient(Person buyer) {
        return buyer.recipient();
    }
}
