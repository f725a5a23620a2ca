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

    /** An organization's appointment types by id (every page): what services are named from. */
    static java.util.Map<String, org.carebook.catalog.AppointmentTypeView> typesById(
            org.carebook.catalog.AppointmentTypes types, org.carebook.kernel.Caller caller) {
        var byId = new java.util.HashMap<String, org.carebook.catalog.AppointmentTypeView>();
        all(page -> types.list(caller, null, null, null, page)).forEach(type -> byId.put(type.id(), type));
        return byId;
    }
}
