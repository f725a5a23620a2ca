package org.carebook.catalog;

/** The writable fields of a room of a location. */
public record RoomDraft(String name, Boolean isActive) {}
