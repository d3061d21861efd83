package app.flowmarket.account;

import java.util.Locale;
import java.util.Set;

import app.flowmarket.mail.Recipient;
import app.flowmarket.shared.AccountId;
import app.flowmarket.shared.Actor;

/**
 * A person as other modules may know them: who they are, how to write to them and in which language, and
 * their roles. Never the password hash or anything else the security layer keeps.
 */
public record Person(AccountId id, String email, String displayName, Locale locale, boolean emailVerified, Set<String> roles) {

    public Person {
        roles = Set.copyOf(roles);
    }

    public boolean isSeller() {
        return roles.contains(app.flowmarket.shared.CurrentUser.SELLER);
    }

    /** Where mail to this person goes, in their language. */
    public Recipient recipient() {
        return new Recipient(email, displayName, locale);
    }

    /** This person acting, as services take it. */
    public Actor actor() {
        return new Actor(id, email, roles);
    }

    @Override
    public String toString() {
        return "Person[" + id + "]";
    }
}
