package app.flowmarket.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.platform.embedded.EmbeddedInfrastructure;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Reads what the embedded SMTP server (GreenMail) really received. */
public final class Mailbox {

    private Mailbox() {
    }

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(EmbeddedInfrastructure.greenMail().getReceivedMessages())
                .filter(message -> isTo(message, recipient))
                .toList();
    }

    /** Waits for a mail to the recipient whose subject contains the text, and returns it. */
    public static MimeMessage awaitMail(String recipient, String subjectPart) {
        MimeMessage[] found = new MimeMessage[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (MimeMessage message : to(recipient)) {
                if (message.getSubject().contains(subjectPart)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The mail's text and HTML parts, decoded (quoted-printable or not) the way a mail client would. */
    public static String body(MimeMessage message) {
        try {
            StringBuilder text = new StringBuilder();
            collect(message, text);
            return text.isEmpty() ? GreenMailUtil.getBody(message) : text.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(jakarta.mail.Part part, StringBuilder text) throws Exception {
        if (part.isMimeType("text/*")) {
            text.append(part.getContent()).append('\n');
        } else if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), text);
            }
        }
    }

    /** The path and query of the first link in the mail that goes to the given path. */
    public static String link(MimeMessage message, String path) {
        Matcher matcher = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[A-Za-z0-9_-]{43})").matcher(body(message));
        if (!matcher.find()) {
            throw new AssertionError("no " + path + " link in:\n" + body(message));
        }
        return matcher.group(1);
    }

    private static boolean isTo(Message message, String recipient) {
        try {
            return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
