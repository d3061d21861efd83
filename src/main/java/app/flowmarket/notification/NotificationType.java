package app.flowmarket.notification;

import java.util.Locale;
import java.util.Set;

/** What a notification is about, and on which channels it goes by default. */
public enum NotificationType {
    NEW_SALE(true, true, false),
    NEW_REVIEW(true, true, false),
    NEW_FOLLOWER(true, true, false),
    WORKFLOW_UPDATED(true, true, false),
    NEW_WORKFLOW_FROM_FOLLOWED_STORE(true, false, false),
    SECURITY_ALERT(true, true, true);

    private final boolean inAppByDefault;
    private final boolean emailByDefault;
    private final boolean mandatory;

    NotificationType(boolean inAppByDefault, boolean emailByDefault, boolean mandatory) {
        this.inAppByDefault = inAppByDefault;
        this.emailByDefault = emailByDefault;
        this.mandatory = mandatory;
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

    /** Security notifications cannot be switched off. */
    public boolean mandatory() {
        return mandatory;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static final Set<NotificationType> CONFIGURABLE = Set.of(NEW_SALE, NEW_REVIEW, NEW_FOLLOWER, WORKFLOW_UPDATED, NEW_WORKFLOW_FROM_FOLLOWED_STORE);
}
