package app.flowmarket.privacy.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import app.flowmarket.privacy.AccountDeletions;
import app.flowmarket.privacy.DataExports;
import app.flowmarket.shared.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the Privacy page shows, for the page itself and for a form on it that needs to be shown again. */
@Component
class PrivacyPage {

    private final DataExports exports;
    private final AccountDeletions deletions;

    PrivacyPage(DataExports exports, AccountDeletions deletions) {
        this.exports = exports;
        this.deletions = deletions;
    }

    String show(CurrentUser user, Model model, boolean passwordError) {
        model.addAttribute("export", exports.latest(user.id()).orElse(null));
        model.addAttribute("deletionDue", deletions.pending(user.id()).map(this::date).orElse(""));
        model.addAttribute("summary", deletions.summary());
        model.addAttribute("passwordError", passwordError);
        return "privacy/privacy";
    }

    String date(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(LocaleContextHolder.getLocale()).format(instant.atZone(ZoneOffset.UTC));
    }
}
