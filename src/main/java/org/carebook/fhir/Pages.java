package org.carebook.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;

/** Every row of a Carebook list, read page by page (for what FHIR derives from whole lists). */
final class Pages {

    private Pages() {}

    static <T> List<T> all(Function<PageRequest, ListPage<T>> list) {
        var found = new ArrayList<T>();
        String cursor = null;
        do {
            var page = list.apply(PageRequest.of("100", cursor));
            found.addAll(page.data());
            cursor = page.hasMore() ? page.nextCursor() : null;
        } while (cursor != null);
        return found;
    }
}
