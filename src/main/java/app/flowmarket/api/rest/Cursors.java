package app.flowmarket.api.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Opaque cursors: where the next page starts, so clients follow {@code next} links and never build offsets. */
final class Cursors {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private Cursors() {
    }

    static String encode(int position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(@Nullable String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("v1:")) {
                int position = Integer.parseInt(text.substring(3));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "The cursor is not one this API gave out; follow the next link as it is.");
    }

    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /** The link to the page starting at {@code position}: this request with the cursor replaced. */
    static String link(int position) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", encode(position)).build().toUriString();
    }

    /** One page of a list held in full, with its next link (also as a Link header). */
    static <T> ApiDtos.Page<T> page(List<T> all, @Nullable String cursor, @Nullable Integer limit, HttpServletResponse response) {
        int from = decode(cursor);
        int size = limit(limit);
        int to = Math.min(all.size(), from + size);
        List<T> items = from >= all.size() ? List.of() : all.subList(from, to);
        String next = to < all.size() ? link(to) : null;
        return page(items, next, response);
    }

    static <T> ApiDtos.Page<T> page(List<T> items, @Nullable String next, HttpServletResponse response) {
        if (next != null) {
            response.addHeader("Link", "<" + next + ">; rel=\"next\"");
        }
        return new ApiDtos.Page<>(items, next);
    }
}
