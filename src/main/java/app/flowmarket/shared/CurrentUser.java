package app.flowmarket.shared;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the security layer sees them. Holds no entity, only values. {@code currency} is
 * the currency they chose to see prices in (null until they choose one).
 */
public record CurrentUser(UUID id, String email, String displayName, String passwordHash, boolean emailVerified,
                          Set<String> roles, String locale, @org.jspecify.annotations.Nullable String currency,
                          @org.jspecify.annotations.Nullable Theme theme) implements UserDetails {

    /** The person's language for anything sent to them outside a request (mails, notifications). */
    public java.util.Locale preferredLocale() {
        return java.util.Locale.forLanguageTag(locale == null ? "en" : locale);
    }

    public static final String BUYER = "BUYER";
    public static final String SELLER = "SELLER";
    public static final String ADMIN = "ADMIN";

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    /** The account, as services take it. */
    public AccountId account() {
        return AccountId.of(id);
    }

    /** This person as a service sees whoever acts: no password hash, no security type. */
    public Actor actor() {
        return new Actor(account(), email, roles);
    }

    public boolean isSeller() {
        return roles.contains(SELLER);
    }

    public boolean isAdmin() {
        return roles.contains(ADMIN);
    }

    @Override
    public String toString() {
        // never print the hash
        return "CurrentUser[" + id + "]";
    }
}
