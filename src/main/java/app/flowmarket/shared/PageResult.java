package app.flowmarket.shared;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a list: the one way lists are paged in Flowmarket. Pages count from 1. */
public record PageResult<T>(List<T> items, int page, int size, long total) implements java.io.Serializable {

    public static final int MAX_SIZE = 100;

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Clamps a page number a person typed into something we can serve. */
    public static int safePage(@Nullable Integer page) {
        return page == null || page < 1 ? 1 : Math.min(page, 10_000);
    }

    public static int offset(int page, int size) {
        return (page - 1) * size;
    }
}
