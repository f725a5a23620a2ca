/**
 * The conventions of the JSON API that only controllers use: the {@code data} envelope, reading request
 * bodies strictly (ADR 0004) and query values, and the scope each handler needs. Facades never see these.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "API conventions",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {"kernel"})
package org.carebook.api;
