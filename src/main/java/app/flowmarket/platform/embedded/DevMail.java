package app.flowmarket.platform.embedded;

/** One mail as the development mailbox shows it. */
public record DevMail(String to, String subject, String text) {
}
