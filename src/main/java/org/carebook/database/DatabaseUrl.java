package org.carebook.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@code DATABASE_URL} in either the JDBC form or the {@code postgres://user:pass@host:port/db} form that
 * hosting platforms hand out. The second may list several hosts ({@code postgres://u:p@db1,db2:5433/db}): a
 * primary and its standbys, of which the driver takes the one that accepts writes unless the URL says
 * otherwise ({@code targetServerType}), so that after a failover new connections find the promoted server.
 */
record DatabaseUrl(String jdbcUrl, String user, String password) {

    /** What a URL of several hosts means for writes: the one server that accepts them. */
    static final Map<String, String> PRIMARY = Map.of("targetServerType", "primary");

    /** What it means for reads: connections spread over the standbys, or the primary when none answers. */
    static final Map<String, String> STANDBYS =
            new TreeMap<>(Map.of("targetServerType", "preferSecondary", "loadBalanceHosts", "true"));

    static DatabaseUrl parse(String value) {
        return parse(value, "DATABASE_URL", PRIMARY);
    }

    /**
     * As {@link #parse(String)} for the setting {@code name}; a URL of several hosts gets each of
     * {@code manyHosts} it does not set itself.
     */
    static DatabaseUrl parse(String value, String name, Map<String, String> manyHosts) {
        String url = value.strip();
        if (url.startsWith("jdbc:postgresql://")) {
            return new DatabaseUrl(url, null, null);
        }
        int schemeEnd = url.indexOf("://");
        String scheme = schemeEnd < 0 ? "" : url.substring(0, schemeEnd);
        if (!scheme.equals("postgres") && !scheme.equals("postgresql")) {
            throw new IllegalArgumentException(
                    name + " must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        String rest = url.substring(schemeEnd + 3);
        int pathStart = firstOf(rest, '/', '?');
        String authority = rest.substring(0, pathStart);
        String tail = rest.substring(pathStart);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        List<String> hosts = hosts(authority.substring(at + 1), name);
        URI pathAndQuery;
        try {
            pathAndQuery = URI.create("x://h" + tail);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a valid URL");
        }
        String user = null;
        String password = null;
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String path = pathAndQuery.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : path.substring(1);
        String query = pathAndQuery.getRawQuery() == null ? "" : pathAndQuery.getRawQuery();
        if (hosts.size() > 1) {
            for (var setting : manyHosts.entrySet()) {
                if (!query.contains(setting.getKey() + "=")) {
                    query += (query.isEmpty() ? "" : "&") + setting.getKey() + "=" + setting.getValue();
                }
            }
        }
        return new DatabaseUrl(
                "jdbc:postgresql://" + String.join(",", hosts) + "/" + database + (query.isEmpty() ? "" : "?" + query),
                user,
                password);
    }

    /** {@code host[:port]} items separated by commas, each given the default port when it names none. */
    private static List<String> hosts(String list, String name) {
        var hosts = new ArrayList<String>();
        for (String item : list.split(",", -1)) {
            if (item.isBlank()) {
                throw new IllegalArgumentException(name + " has no host");
            }
            URI host;
            try {
                host = URI.create("x://" + item);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not a valid URL");
            }
            if (host.getHost() == null
                    || host.getRawPath() == null
                    || !host.getRawPath().isEmpty()) {
                throw new IllegalArgumentException(name + " has no host");
            }
            hosts.add(host.getHost() + ":" + (host.getPort() == -1 ? 5432 : host.getPort()));
        }
        return hosts;
    }

    private static int firstOf(String text, char a, char b) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == a || text.charAt(i) == b) {
                return i;
            }
        }
        return text.length();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL without credentials, safe to print. */
    String printable() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
