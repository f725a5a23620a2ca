package org.carebook.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded cluster's directory and the secrets beside it: made if missing, handed to {@code nobody} when
 * Carebook runs as root (docs/adr/0001), a password only this user can read, and host rules that ask for it.
 */
final class DataDirectory {

    private static final String ACTION = "Set CAREBOOK_DATA_DIR to a directory this user can write (as root:"
            + " one that user nobody can reach, such as /var/lib/carebook), or set DATABASE_URL to use another PostgreSQL.";

    private final Path path;
    private final List<String> runAs;

    DataDirectory(Path path, List<String> runAs) {
        this.path = path;
        this.runAs = runAs;
    }

    Path path() {
        return path;
    }

    boolean isInitialised() {
        return Files.exists(path.resolve("PG_VERSION"));
    }

    /** Made if missing; as root, given to nobody, who must also be able to reach it. */
    void prepare() throws IOException {
        try {
            Files.createDirectories(path);
        } catch (IOException e) {
            throw new DatabaseUnreachableException(
                    "The embedded PostgreSQL cannot create its data directory " + path + " ("
                            + e.getClass().getSimpleName() + ").",
                    ACTION);
        }
        if (!runAs.isEmpty()) {
            giveToNobody();
            checkNobodyCanUse();
        }
    }

    /** Where the password lives: beside the cluster, not in it, so it stays this user's even when root runs as nobody. */
    Path passwordFile() {
        return path.resolveSibling(path.getFileName() + ".password");
    }

    /** The kept password, or null for a cluster made before passwords. */
    String storedPassword() throws IOException {
        return Files.exists(passwordFile()) ? Files.readString(passwordFile()).strip() : null;
    }

    static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Keeps the cluster's password where only this user can read it. */
    void keep(String password) throws IOException {
        writePrivately(passwordFile(), password);
    }

    /** A copy of the password that initdb, running as nobody when we are root, may read; deleted after use. */
    Path passwordForInitdb(String password) throws IOException {
        Path given = path.resolveSibling(path.getFileName() + ".initdb-password");
        writePrivately(given, password);
        if (!runAs.isEmpty()) {
            Files.setOwner(given, nobody());
        }
        return given;
    }

    /** Only TCP on localhost, only with the password. */
    void writeHostRules() throws IOException {
        Files.writeString(path.resolve("pg_hba.conf"), """
                # Written by Carebook: connections over localhost only, with the password kept beside this directory.
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128      scram-sha-256
                """);
    }

    private static void writePrivately(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }

    private UserPrincipal nobody() throws IOException {
        return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
    }

    private void giveToNobody() throws IOException {
        var nobody = nobody();
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : (Iterable<Path>) paths::iterator) {
                Files.setOwner(each, nobody);
            }
        }
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
    }

    /** As root the cluster runs as nobody, who needs every directory above the data to be searchable. */
    private void checkNobodyCanUse() {
        List<String> test = new ArrayList<>(runAs);
        test.addAll(List.of("test", "-w", path.toString(), "-a", "-x", path.toString()));
        try {
            int exit =
                    new ProcessBuilder(test).redirectErrorStream(true).start().waitFor();
            if (exit != 0) {
                throw new DatabaseUnreachableException(
                        "The embedded PostgreSQL runs as user nobody when Carebook "
                                + "runs as root, and nobody cannot reach its data directory " + path + ".",
                        ACTION);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the data directory", e);
        }
    }
}
