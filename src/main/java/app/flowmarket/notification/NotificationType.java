package app.flowmarket.notification;

import java.util.Locale;
import java.util.Set;

/** What a notification is about, and on which channels it goes by default. */
public enum NotificationType {
    NEW_SALE(true, true, false, true),
    // a buyer raised a licence they hold to a larger tier: money in, but no new sale
    LICENCE_UPGRADE(true, true, false, true),
    NEW_REVIEW(true, true, false, true),
    NEW_FOLLOWER(true, true, false, true),
    WORKFLOW_UPDATED(true, true, false, false),
    NEW_WORKFLOW_FROM_FOLLOWED_STORE(true, false, false, false),
    REVIEW_REPLY(true, true, false, false),
    NEW_QUESTION(true, true, false, true),
    NEW_ANSWER(true, true, false, false),
    PAYOUT_SENT(true, true, false, true),
    CHARGEBACK(true, true, false, true),
    // the holder is mailed by licensing when a seat is given, always; these are the app's own record of it
    LICENCE_SEAT_GIVEN(true, false, false, false),
    LICENCE_SEAT_TAKEN_BACK(true, false, false, false),
    SECURITY_ALERT(true, true, true, false);

    private final boolean inAppByDefault;
    private final boolean emailByDefault;
    private final boolean mandatory;
    private final boolean sellersOnly;

    NotificationType(boolean inAppByDefault, boolean emailByDefault, boolean mandatory, boolean sellersOnly) {
        this.inAppByDefault = inAppByDefault;
        this.emailByDefault = emailByDefault;
        this.mandatory = mandatory;
        this.sellersOnly = sellersOnly;
    }

    /** The kinds a person can receive: sales, reviews of one's workflows and store followers only reach sellers. */
    public static java.util.List<NotificationType> relevantTo(boolean seller) {
        return java.util.Arrays.stream(values()).filter(type -> seller || !type.sellersOnly).toList();
    }

    public enum Channel { IN_APP, EMAIL, PUSH;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public boolean byDefault(Channel channel) {
        // push is opt-in: a browser must be subscribed anyway, and only the person knows which alerts deserve it
        return switch (channel) {
            case IN_APP -> inAppByDefault;
            case EMAIL -> emailByDefault;
            case PUSH -> mandatory;
        };
    }

    /** Whether a person chooses this channel for this kind: the seat notifications' mail is licensing's own and always sent. */
    public boolean offers(Channel channel) {
        return channel != Channel.EMAIL || (this != LICENCE_SEAT_GIVEN && this != LICENCE_SEAT_TAKEN_BACK);
    }

    /** Security notifications cannot be switched off. */
    public boolean mandatory() {
        return mandatory;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final Set<NotificationType> CONFIGURABLE = Set.of(NEW_SALE, LICENCE_UPGRADE, NEW_REVIEW, NEW_FOLLOWER, WORKFLOW_UPDATED, NEW_WORKFLOW_FROM_FOLLOWED_STORE,
            REVIEW_REPLY, NEW_QUESTION, NEW_ANSWER, PAYOUT_SENT, CHARGEBACK, LICENCE_SEAT_GIVEN, LICENCE_SEAT_TAKEN_BACK);
}
