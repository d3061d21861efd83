package app.flowmarket.api;

import java.util.Set;
import java.util.UUID;

/** Who calls the API with a valid token: the token, its owner and what it may do. */
public record ApiCaller(UUID tokenId, UUID accountId, Set<ApiScope> scopes) {

    public boolean may(ApiScope scope) {
        return scopes.contains(scope);
    }

    @Override
    public String toString() {
        return "ApiCaller[" + tokenId + "]";
    }
}
