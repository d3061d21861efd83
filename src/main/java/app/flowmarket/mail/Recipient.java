package app.flowmarket.mail;

import java.util.Locale;

/** Who a mail goes to: the address, the name to greet (null: no name) and the language to write in. */
public record Recipient(String email, String name, Locale locale) {

    public Recipient {
        locale = locale == null ? Locale.ENGLISH : locale;
    }
}
