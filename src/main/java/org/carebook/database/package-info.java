/**
 * The one DataSource: an external PostgreSQL from {@code DATABASE_URL}, or the embedded one with its data in
 * {@code CAREBOOK_DATA_DIR}; the application's {@code Clock}, which keeps the database server's time.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Database",
        allowedDependencies = {"kernel"})
package org.carebook.database;
