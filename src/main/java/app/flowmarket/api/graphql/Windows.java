package app.flowmarket.api.graphql;

import java.util.List;

import app.flowmarket.api.ApiException;
import app.flowmarket.api.ApiProblems;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Relay connections by offset: an item's cursor is its position in the list, {@code after} starts right behind it.
 * The services answer whole lists (or search pages), so an offset is what fits them.
 */
final class Windows {

    static final int DEFAULT_FIRST = 20;
    static final int MAX_FIRST = 100;

    private Windows() {
    }

    /** Where the page starts: 0, or right after the item the {@code after} cursor names. */
    static int start(ScrollSubrange range) {
        return range.position()
                .map(position -> position instanceof OffsetScrollPosition offset
                        ? (offset.isInitial() ? 0 : Math.toIntExact(offset.getOffset()) + 1)
                        : refuse())
                .orElse(0);
    }

    /** How many items the page holds: {@code first}, {@value #DEFAULT_FIRST} without it, at most {@value #MAX_FIRST}. */
    static int first(ScrollSubrange range) {
        int first = range.count().orElse(DEFAULT_FIRST);
        if (first < 1 || first > MAX_FIRST) {
            throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "first must be between 1 and " + MAX_FIRST + ".");
        }
        return first;
    }

    /** One page of a list held in full. */
    static <T> Window<T> of(List<T> all, ScrollSubrange range) {
        int start = start(range);
        int end = Math.min(all.size(), start + first(range));
        return of(start >= all.size() ? List.of() : all.subList(start, end), start, end < all.size());
    }

    /** A page that starts at {@code start} in the whole list. */
    static <T> Window<T> of(List<T> items, int start, boolean hasNext) {
        return Window.from(items, index -> ScrollPosition.offset(start + index), hasNext);
    }

    private static int refuse() {
        throw new ApiException(ApiProblems.Kind.BAD_REQUEST, "The cursor is not one this API gave out; pass a cursor from the previous page as it is.");
    }
}
