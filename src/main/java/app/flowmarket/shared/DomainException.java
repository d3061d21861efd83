package app.flowmarket.shared;

/**
 * A rule of the domain said no. Carries a message key (translated for people) and arguments;
 * the web layer turns it into a form error, an error page or a problem detail.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
