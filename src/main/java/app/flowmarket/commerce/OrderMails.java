package app.flowmarket.commerce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.mail.Email;
import app.flowmarket.mail.Mailer;
import app.flowmarket.shared.CurrentUser;
import app.flowmarket.shared.OrderId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The buyer's receipt and refund mails. They are queued after the order's transaction commits, from
 * the event publication registry (a crash in between loses nothing), each under a key so that a
 * redelivered event queues no second mail.
 */
@Component
class OrderMails {

    private final AccountManagement accounts;
    private final Mailer mailer;
    private final MessageSource messages;
    private final String baseUrl;

    OrderMails(AccountManagement accounts, Mailer mailer, MessageSource messages, @Value("${flowmarket.web.base-url}") String baseUrl) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.messages = messages;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        accounts.find(event.buyerId().value()).ifPresent(buyer -> {
            Locale locale = buyer.preferredLocale();
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(msg(locale, "mail.receipt.body", event.orderNumber()));
            for (OrderPaid.Line line : event.lines()) {
                paragraphs.add("• " + line.title() + " — " + line.net());
            }
            paragraphs.add(msg(locale, "mail.receipt.total", event.total().toString()));
            paragraphs.add(msg(locale, "mail.receipt.library"));
            mailer.sendOnce("receipt:" + event.orderId(), email(buyer, event.orderId(), msg(locale, "mail.receipt.subject", event.orderNumber()),
                    paragraphs));
        });
    }

    @ApplicationModuleListener
    void on(OrderLineRefunded event) {
        accounts.find(event.buyerId().value()).ifPresent(buyer -> {
            Locale locale = buyer.preferredLocale();
            OrderPaid.Line line = event.line();
            mailer.sendOnce("refund:" + line.lineId(), email(buyer, event.orderId(), msg(locale, "mail.refund.subject", event.orderNumber()),
                    List.of(msg(locale, "mail.refund.body", line.title(), line.net().toString()), msg(locale, "mail.refund.access"))));
        });
    }

    private Email email(CurrentUser buyer, OrderId orderId, String subject, List<String> paragraphs) {
        Locale locale = buyer.preferredLocale();
        return new Email(buyer.email(), subject, msg(locale, "mail.greeting", buyer.displayName()), paragraphs,
                msg(locale, "mail.receipt.action"), baseUrl + "/orders/" + orderId, msg(locale, "mail.footer"));
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
