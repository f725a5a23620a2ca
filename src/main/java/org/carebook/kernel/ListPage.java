package org.carebook.kernel;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"data": [...], "has_more": ..., "next_cursor": ...}}. */
public record ListPage<T>(List<T> data, boolean hasMore, String nextCursor) {

    public static <T> ListPage<T> all(List<T> data) {
        return new ListPage<>(data, false, null);
    }

    /**
     * From rows fetched with {@code LIMIT request.limit() + 1}: the extra row only says there is more.
     */
    public static <R, T> ListPage<T> of(
            List<R> rows, PageRequest request, Function<R, PageRequest.Position> position, Function<R, T> view) {
        boolean more = rows.size() > request.limit();
        List<R> page = more ? rows.subList(0, request.limit()) : rows;
        String cursor = more ? position.apply(page.get(page.size() - 1)).encode() : null;
        return new ListPage<>(page.stream().map(view).toList(), more, cursor);
    }

    public <U> ListPage<U> map(Function<T, U> mapper) {
        return new ListPage<>(data.stream().map(mapper).toList(), hasMore, nextCursor);
    }
}
