/**
 * The shared kernel every module may use: tenancy and caller identity, scopes, ids, the one error
 * type of the API, the strict request-body reader and the list envelope.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.carebook.kernel;
