/** The demo clinic, seeded on the first start of a server with {@code CAREBOOK_DEMO} on. */
package org.carebook.demo;
