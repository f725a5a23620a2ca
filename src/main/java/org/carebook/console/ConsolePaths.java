package org.carebook.console;

/** Where the console's pages are for live data and for test data ({@code /console/test/…}). */
record ConsolePaths(String root) {

    private static final ConsolePaths LIVE = new ConsolePaths("/console");
    private static final ConsolePaths TEST = new ConsolePaths("/console/test");

    /**
     * A console page to return to, as a page or form asked: a path under {@code /console} and nothing else, so
     * that a crafted {@code back} cannot become a link to another site ({@code //evil}), a script
     * ({@code javascript:}) or a path the router reads another way.
     */
    static String back(String asked) {
        boolean ours = asked != null
                && (asked.equals(LIVE.root) || asked.startsWith(LIVE.root + "/"))
                && !asked.contains("//")
                && !asked.contains("\\")
                && !asked.contains("..")
                && asked.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
        return ours ? asked : LIVE.root;
    }

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

    String session(String id) {
        return root + "/sessions/" + id;
    }

    String patient(String id) {
        return root + "/patients/" + id;
    }
}
