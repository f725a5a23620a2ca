package org.carebook.console;

/** Where the console's pages are for live data and for test data ({@code /console/test/…}). */
record ConsolePaths(String root) {

    private static final ConsolePaths LIVE = new ConsolePaths("/console");
    private static final ConsolePaths TEST = new ConsolePaths("/console/test");

    static ConsolePaths of(String mode) {
        return "test".equals(mode) ? TEST : LIVE;
    }

    String day() {
        return root + "/day";
    }

    String week() {
        return root + "/week";
    }

    String book() {
        return root + "/book";
    }

    String stream() {
        return root + "/stream";
    }

    String appointment(String id) {
        return root + "/appointments/" + id;
    }

    String patient(String id) {
        return root + "/patients/" + id;
    }
}
