/**
 * Outgoing requests to addresses customers give (webhook endpoints, linked calendars): which addresses may be
 * reached, checked when a URL is saved and again at every connection through one guarded name lookup.
 * Public: {@link org.carebook.egress.UrlGuard}, {@link org.carebook.egress.GuardedResolver}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Egress",
        allowedDependencies = {"kernel"})
package org.carebook.egress;
