package app.flowmarket.shared;

import java.util.Set;

/**
 * Who does something, as a service needs to know it: the account, the label the audit trail names them by
 * (their e-mail address) and their roles. A plain value: no credential, no security type. Web code makes one
 * from the signed-in person ({@link CurrentUser#actor()}); services take an {@code Actor} when they check a
 * role or write the audit trail, and an {@link AccountId} when the account is all they need.
 */
public record Actor(AccountId id, String label, Set<String> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(CurrentUser.ADMIN);
    }

    public boolean isSeller() {
        return roles.contains(CurrentUser.SELLER);
    }

    @Override
    public String toString() {
        return "Actor[" + id + "]";
    }
}
