package org.carebook.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.carebook.kernel.PublicAddress;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** Search answers: a searchset Bundle with its self link, and a next link while more pages follow. */
final class Bundles {

    static final String PATH = "/fhir/r4";

    private Bundles() {}

    /**
     * The server's FHIR base at {@code CAREBOOK_PUBLIC_URL}, never from the request's Host header: whoever sends
     * a request could name their own server there, and some of these answers are cached publicly.
     */
    static String base(HttpServletRequest request) {
        return publicAddress(request).link(PATH);
    }

    /** This request's own address at {@code CAREBOOK_PUBLIC_URL}, with or without its query. */
    static String here(HttpServletRequest request, boolean withQuery) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return publicAddress(request).link(path + (withQuery && query != null ? "?" + query : ""));
    }

    private static PublicAddress publicAddress(HttpServletRequest request) {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())
                .getBean(PublicAddress.class);
    }

    static Bundle searchset(
            HttpServletRequest request, List<? extends Resource> resources, FhirQuery query, String nextCursor) {
        String base = base(request);
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        String applied = query.applied();
        bundle.addLink().setRelation("self").setUrl(here(request, false) + (applied.isEmpty() ? "" : "?" + applied));
        if (nextCursor != null) {
            bundle.addLink().setRelation("next").setUrl(here(request, false) + "?" + query.withCursor(nextCursor));
        } else if (query.cursor().isEmpty()) {
            bundle.setTotal(resources.size()); // the whole answer is on this one page
        }
        for (Resource resource : resources) {
            var entry = bundle.addEntry().setResource(resource);
            // What has no id here (a proposed appointment) is named only within this answer.
            entry.setFullUrl(
                    resource.hasIdElement()
                            ? base + "/" + resource.fhirType() + "/"
                                    + resource.getIdElement().getIdPart()
                            : "urn:uuid:" + java.util.UUID.randomUUID());
            entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        if (!query.ignored().isEmpty()) {
            var warning = bundle.addEntry()
                    .setFullUrl("urn:uuid:" + java.util.UUID.randomUUID())
                    .setResource(ignoredWarning(query.ignored()));
            warning.getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
        }
        return bundle;
    }

    /** An operation's one resource as IHE's scheduling operations answer it: a searchset Bundle of one. */
    static Bundle of(HttpServletRequest request, Resource resource) {
        var bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(1);
        bundle.addLink().setRelation("self").setUrl(here(request, false));
        var entry = bundle.addEntry().setResource(resource);
        entry.setFullUrl(base(request) + "/" + resource.fhirType() + "/"
                + resource.getIdElement().getIdPart());
        entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        return bundle;
    }

    /** Says which parameters the answer did not apply, as FHIR servers that ignore parameters do. */
    private static org.hl7.fhir.r4.model.OperationOutcome ignoredWarning(java.util.Set<String> ignored) {
        var outcome = new org.hl7.fhir.r4.model.OperationOutcome();
        outcome.addIssue()
                .setSeverity(org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity.WARNING)
                .setCode(org.hl7.fhir.r4.model.OperationOutcome.IssueType.NOTSUPPORTED)
                .setDiagnostics("Not applied (this server does not support them): " + String.join(", ", ignored)
                        + ". Send Prefer: handling=strict to have them refused.");
        return outcome;
    }

    /** A page of a Carebook list as a searchset, its next link carrying the list's own cursor. */
    static <V> Bundle page(
            HttpServletRequest request,
            FhirQuery query,
            org.carebook.kernel.ListPage<V> page,
            java.util.function.Function<V, ? extends Resource> resource) {
        return searchset(
                request, page.data().stream().map(resource).toList(), query, page.hasMore() ? page.nextCursor() : null);
    }

    /** The request to a Carebook list that this search's page is. */
    static org.carebook.kernel.PageRequest pageRequest(FhirQuery query) {
        return org.carebook.kernel.PageRequest.of(
                String.valueOf(query.count(20, 100)), query.cursor().orElse(null));
    }
}
