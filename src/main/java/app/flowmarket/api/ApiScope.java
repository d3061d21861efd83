package app.flowmarket.api;

import java.util.Arrays;
import java.util.Optional;

/** What a personal access token may do; a request with a token needs the scope of the endpoint it calls. */
public enum ApiScope {
    CATALOG_READ("catalog:read"),
    LIBRARY_READ("library:read"),
    SALES_READ("sales:read"),
    WORKFLOWS_WRITE("workflows:write"),
    WEBHOOKS_WRITE("webhooks:write"),
    LICENCES_READ("licences:read"),
    COUPONS_WRITE("coupons:write");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The message key part: "catalog-read". */
    public String slug() {
        return value.replace(':', '-');
    }

    public static Optional<ApiScope> of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
