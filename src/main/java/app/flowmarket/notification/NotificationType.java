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

    public enum Channel { IN_APP, EMAIL;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public boolean byDefault(Channel channel) {
        return channel == Channel.IN_APP ? inAppByDefault : emailByDefault;
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
