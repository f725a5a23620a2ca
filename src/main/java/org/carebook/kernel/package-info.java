/**
 * The shared kernel every module may use: tenancy and caller identity, scopes, ids, the one error type
 * with the field problems it reports, keyset pages, and values every module shares (addresses, phones).
 */
@org.springframework.modulith.ApplicationModule(
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.carebook.kernel;
