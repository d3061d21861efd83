package app.flowmarket.commerce;


import app.flowmarket.account.AccountManagement;
import app.flowmarket.mail.Mail;
import app.flowmarket.mail.Mailer;
import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.CurrentUser;
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

    OrderMails(AccountManagement accounts, Mailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @ApplicationModuleListener
    void on(OrderPaid event) {
        accounts.find(event.buyerId().value()).ifPresent(buyer -> {
            Mail mail = Mail.to(recipient(buyer)).once("receipt:" + event.orderId())
                    .subject("mail.receipt.subject", event.orderNumber())
                    .paragraph("mail.receipt.body", event.orderNumber());
            for (OrderPaid.Line line : event.lines()) {
                mail.text("• " + line.title() + " — " + line.net().format(buyer.preferredLocale()));
            }
            mailer.send(mail.paragraph("mail.receipt.total", event.total().format(buyer.preferredLocale()))
                    .paragraph("mail.receipt.library")
                    .action("mail.receipt.action", "/orders/" + event.orderId()));
        });
    }

    @ApplicationModuleListener
    void on(OrderLineRefunded event) {
        accounts.find(event.buyerId().value()).ifPresent(buyer -> {
            OrderPaid.Line line = event.line();
            mailer.send(Mail.to(recipient(buyer)).once("refund:" + line.lineId())
                    .subject("mail.refund.subject", event.orderNumber())
                    .paragraph("mail.refund.body", line.title(), line.net().format(buyer.preferredLocale()))
                    .paragraph("mail.refund.access")
                    .action("mail.receipt.action", "/orders/" + event.orderId()));
        });
    }

    private static Recipient recipient(CurrentUser buyer) {
        return new Recipient(buyer.email(), buyer.displayName(), buyer.preferredLocale());
    }
}
