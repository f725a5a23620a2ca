/** The demo clinic, seeded on the first start of a server with {@code CAREBOOK_DEMO} on. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"catalog", "kernel", "organization", "staff"})
package org.carebook.demo;
