package app.flowmarket.platform.embedded;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import app.flowmarket.shared.NotFoundException;
import app.flowmarket.shared.SiteSettings;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox: every mail the embedded SMTP server received, newest first. It shows
 * password-reset links, so it exists only when the embedded SMTP server runs (never with a real mail
 * server), never in production, and answers only requests from this machine.
 */
@Controller
@ConditionalOnProperty(name = "flowmarket.mail.dev-mailbox", havingValue = "true")
class DevMailboxController {

    private final SiteSettings site;

    DevMailboxController(SiteSettings site) {
        this.site = site;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        if (site.isProduction()) {
            throw new NotFoundException("page");
        }
        if (!isLoopback(request.getRemoteAddr())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("mails", List.of());
            model.addAttribute("refused", true);
            return "platform/dev-mailbox";
        }
        model.addAttribute("refused", false);
        GreenMail greenMail = EmbeddedInfrastructure.greenMail();
        List<DevMail> mails = new ArrayList<>();
        if (greenMail != null) {
            Message[] received = greenMail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0 && mails.size() < 100; i--) {
                Message message = received[i];
                mails.add(new DevMail(String.join(", ", addresses(message)), message.getSubject(), plainText(message)));
            }
        }
        model.addAttribute("mails", mails);
        return "platform/dev-mailbox";
    }

    static boolean isLoopback(String address) {
        // the servlet container gives a literal address here, so no name is looked up
        if (address == null || !address.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static List<String> addresses(Message message) throws MessagingException {
        List<String> out = new ArrayList<>();
        if (message.getAllRecipients() != null) {
            for (var address : message.getAllRecipients()) {
                out.add(address.toString());
            }
        }
        return out;
    }

    private static @Nullable String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return part instanceof Message message ? GreenMailUtil.getBody(message) : null;
    }
}
