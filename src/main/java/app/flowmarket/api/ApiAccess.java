package app.flowmarket.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import app.flowmarket.account.AccountManagement;
import app.flowmarket.account.Person;
import app.flowmarket.shared.AccountId;
import app.flowmarket.store.StoreManagement;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling and whether they may: each endpoint names the scope it needs. */
@Component
public class ApiAccess {

    private final AccountManagement accounts;
    private final StoreManagement stores;

    ApiAccess(AccountManagement accounts, StoreManagement stores) {
        this.accounts = accounts;
        this.stores = stores;
    }

    public Optional<ApiCaller> caller() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiCaller caller ? Optional.of(caller) : Optional.empty();
    }

    /** Public catalogue reads: open without a token; a token must carry {@code catalog:read}. */
    public Optional<ApiCaller> catalogReader() {
        caller().ifPresent(caller -> check(caller, ApiScope.CATALOG_READ));
        return caller();
    }

    /** A token with any one of the scopes. */
    public ApiCaller require(ApiScope... anyOf) {
        ApiCaller caller = caller().orElseThrow(() -> new ApiException(ApiProblems.Kind.UNAUTHORIZED,
                "This endpoint needs a personal access token (Authorization: Bearer ...) with the scope "
                        + Arrays.stream(anyOf).map(ApiScope::value).collect(Collectors.joining(" or ")) + "."));
        check(caller, anyOf);
        return caller;
    }

    /** The token's owner as the other modules' services take them. */
    public Person user(ApiCaller caller) {
        return accounts.person(AccountId.of(caller.accountId()))
                .orElseThrow(() -> new ApiException(ApiProblems.Kind.INVALID_TOKEN, "The token's account no longer exists."));
    }

    /** The token's owner when they have a store: only sellers have workflows and sales. */
    public Person seller(ApiCaller caller) {
        Person user = user(caller);
        if (stores.findByOwner(user.id()).isEmpty()) {
            throw new ApiException(ApiProblems.Kind.FORBIDDEN, "Only sellers have workflows and sales: the token's owner has no store.");
        }
        return user;
    }

    private static void check(ApiCaller caller, ApiScope... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(caller::may)) {
            throw new ApiException(ApiProblems.Kind.INSUFFICIENT_SCOPE, "This endpoint needs the scope "
                    + Arrays.stream(anyOf).map(ApiScope::value).collect(Collectors.joining(" or ")) + ".");
        }
    }
}
