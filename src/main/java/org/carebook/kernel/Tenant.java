package org.carebook.kernel;

/** The organization and mode that every stored object belongs to. */
public record Tenant(String organizationId, Mode mode) {}
