package app.flowmarket.mail;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who a mail goes to: the address, the name to greet (null: no name) and the language to write in. */
public record Recipient(String email, @Nullable String name, @Nullable Locale locale) {

    public Recipient {
        locale = locale == null ? Locale.ENGLISH : locale;
    }

    @Override
    public Locale locale() {
        return locale == null ? Locale.ENGLISH : locale;
    }
}
