package app.flowmarket.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * Relay connections by offset: an item's cursor is its position in the list. Both directions of the Relay cursor
 * specification: {@code first}/{@code after} forwards, {@code last}/{@code before} backwards (the {@code last} items
 * before the cursor, or of the whole list without one). The services answer whole lists (or search pages), so an
 * offset is what fits them; {@code pageInfo.hasPreviousPage} is true whenever the page does not start the list.
 */
final class Windows {

    static final int DEFAULT_FIRST = 20;
    static final int MAX_FIRST = 100;
    /** The cursor Spring for GraphQL writes for an offset position, before its base64. */
    static final Pattern OFFSET_CURSOR = Pattern.compile("O_(\\d{1,9})");
    static final String FOREIGN_CURSOR = "The cursor is not one this API gave out; pass a cursor from the previous page as it is.";

    private Windows() {
    }

    /** What a connection field was asked for, checked: cursors as positions, and at most one of first and last. */
    record Request(@Nullable Integer after, @Nullable Integer before, @Nullable Integer first, @Nullable Integer last) {

        /** Whether the page can only be placed once the length of the whole list is known: the last items of it. */
        boolean fromEnd() {
            return last != null && before == null;
        }

        /** The page of a list of {@code total} items: the Relay algorithm, cursors first, then first or last. */
        Bounds bounds(int total) {
            int from = after == null ? 0 : Math.min(total, after + 1);
            int to = before == null ? total : Math.min(total, before);
            to = Math.max(from, to);
            if (last != null) {
                from = Math.max(from, to - last);
            } else {
                to = Math.min(to, from + (first == null ? DEFAULT_FIRST : first));
            }
            return new Bounds(from, to);
        }
    }

    /** Items {@code from} (included) to {@code to} (excluded) of the whole list. */
    record Bounds(int from, int to) {
    }

    static Request request(DataFetchingEnvironment env) {
        Integer first = count(env, "first");
        Integer last = count(env, "last");
        if (first != null && last != null) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST,
                    "Pass first (with after) to page forwards or last (with before) to page backwards, not both.");
        }
        return new Request(cursor(env, "after"), cursor(env, "before"), first, last);
    }

    /** One page of a list held in full. */
    static <T> Window<T> of(List<T> all, DataFetchingEnvironment env) {
        Bounds bounds = request(env).bounds(all.size());
        return of(all.subList(bounds.from(), bounds.to()), bounds.from(), bounds.to() < all.size());
    }

    /** A page that starts at {@code start} in the whole list. */
    static <T> Window<T> of(List<T> items, int start, boolean hasNext) {
        return Window.from(items, index -> ScrollPosition.offset(start + index), hasNext);
    }

    /** The position a cursor names: Spring for GraphQL's offset cursor in base64; anything else is the client's mistake. */
    static int position(String cursor) {
        try {
            Matcher offset = OFFSET_CURSOR.matcher(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (offset.matches()) {
                return Integer.parseInt(offset.group(1));
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw new ApiException(ApiProblems.Kind.BAD_REQUEST, FOREIGN_CURSOR);
    }

    private static @Nullable Integer cursor(DataFetchingEnvironment env, String name) {
        Object cursor = env.getArgument(name);
        return cursor == null ? null : position(cursor.toString());
    }

    private static @Nullable Integer count(DataFetchingEnvironment env, String name) {
        Integer count = env.getArgument(name);
        if (count != null && (count < 1 || count > MAX_FIRST)) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST, name + " must be between 1 and " + MAX_FIRST + ".");
        }
        return count;
    }
}
