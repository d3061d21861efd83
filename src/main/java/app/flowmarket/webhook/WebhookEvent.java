package app.flowmarket.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a seller can be told about; the value is the payload's {@code type}. */
public enum WebhookEvent {
    ORDER_PAID("order.paid"),
    ORDER_REFUNDED("order.refunded"),
    REVIEW_CREATED("review.created"),
    QUESTION_CREATED("question.created"),
    PAYOUT_SENT("payout.sent"),
    CHARGEBACK_OPENED("chargeback.opened"),
    CHARGEBACK_CLOSED("chargeback.closed");

    /** The type of the message "Send test event" sends, whatever the endpoint subscribed to. */
    public static final String TEST = "webhook.test";

    private final String value;

    WebhookEvent(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public String slug() {
        return value.replace('.', '-');
    }

    /** Every event's value, for messages that list them. */
    public static String known() {
        return String.join(", ", Arrays.stream(values()).map(WebhookEvent::value).toList());
    }

    public static Optional<WebhookEvent> of(String value) {
        return Arrays.stream(values()).filter(e -> e.value.equals(value)).findFirst();
    }
}
