package app.flowmarket.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the site lives and whether it is a public deployment ({@code flowmarket.web.*}): links in mails
 * and to payment processors are built from the base URL, and development conveniences (the dev mailbox,
 * demo accounts with a published password) are off in production. Production is either said
 * ({@code flowmarket.web.production=true}) or implied by a base URL that is not this machine.
 */
@ConfigurationProperties("flowmarket.web")
public record SiteSettings(@DefaultValue("http://localhost:8080") String baseUrl, @Nullable Boolean production) {

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public SiteSettings {
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
    }

    /** An absolute URL for a path of this site ({@code /orders/1} → {@code https://shop.example/orders/1}). */
    public String url(String path) {
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return baseUrl + (path.startsWith("/") ? path : "/" + path);
    }

    public boolean isProduction() {
        if (production != null) {
            return production;
        }
        String host = URI.create(baseUrl).getHost();
        return host != null && !LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }
}
