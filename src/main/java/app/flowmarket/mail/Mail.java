package app.flowmarket.mail;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A mail written as message keys and arguments; {@link Mailer} writes it in the recipient's language,
 * greets them, turns site paths into absolute links and adds the footer. Values passed as arguments or
 * as {@link #text(String)} are escaped in the HTML part.
 * <pre>
 * mailer.send(Mail.to(recipient).subject("mail.reset.subject")
 *         .paragraph("mail.reset.body").action("mail.reset.action", "/reset-password?token=" + token));
 * </pre>
 */
public final class Mail {

    /** A message key with its arguments, or (key null) a text already written. */
    record Part(@Nullable String key, Object[] args, @Nullable String text) {
    }

    private final Recipient recipient;
    private @Nullable Part subject;
    private @Nullable Part greeting;
    private final List<Part> paragraphs = new ArrayList<>();
    private @Nullable Part actionLabel;
    private @Nullable String actionPath;
    private String footerKey = "mail.footer";
    private @Nullable String unsubscribePath;
    private @Nullable String onceKey;

    private Mail(Recipient recipient) {
        this.recipient = recipient;
    }

    public static Mail to(Recipient recipient) {
        return new Mail(recipient);
    }

    public Mail subject(String key, Object... args) {
        this.subject = new Part(key, args, null);
        return this;
    }

    /** Replaces the default greeting ("Hello {name},"), e.g. for someone whose name we do not know. */
    public Mail greeting(String key, Object... args) {
        this.greeting = new Part(key, args, null);
        return this;
    }

    public Mail paragraph(String key, Object... args) {
        paragraphs.add(new Part(key, args, null));
        return this;
    }

    /** A paragraph already written (a listing's title, a line of a receipt). */
    public Mail text(String text) {
        paragraphs.add(new Part(null, new Object[0], text));
        return this;
    }

    /** The call to action: a button label and a path of this site (or an absolute URL). */
    public Mail action(String labelKey, String path) {
        this.actionLabel = new Part(labelKey, new Object[0], null);
        this.actionPath = path;
        return this;
    }

    public Mail footer(String key) {
        this.footerKey = key;
        return this;
    }

    /** A path of this site that stops this kind of mail; sent as one-click List-Unsubscribe (RFC 8058) too. */
    public Mail unsubscribe(String path) {
        this.unsubscribePath = path;
        return this;
    }

    /** Queues this mail only if none was queued under the key before: for listeners that may see an event twice. */
    public Mail once(String key) {
        this.onceKey = key;
        return this;
    }

    @Nullable String onceKey() {
        return onceKey;
    }

    Recipient recipient() {
        return recipient;
    }

    @Nullable Part subject() {
        return subject;
    }

    @Nullable Part greeting() {
        return greeting;
    }

    List<Part> paragraphs() {
        return paragraphs;
    }

    @Nullable Part actionLabel() {
        return actionLabel;
    }

    @Nullable String actionPath() {
        return actionPath;
    }

    String footerKey() {
        return footerKey;
    }

    @Nullable String unsubscribePath() {
        return unsubscribePath;
    }
}
