package dev.parley.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The JDKs of this machine, for servers that need a newer Java than Parley's 17 (Keycloak 26, GlassFish 8). */
final class Jdks {

    private Jdks() {
    }

    /** The newest JDK under /usr/lib/jvm of at least {@code feature} (or -Dparley.newer-java). */
    static Path newest(int feature) {
        String chosen = System.getProperty("parley.newer-java");
        if (chosen != null) {
            return Path.of(chosen);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && !Files.isSymbolicLink(jdk))
                    .filter(jdk -> featureVersion(jdk) >= feature)
                    .max(Comparator.comparingInt(Jdks::featureVersion))
                    .orElseThrow(() -> new IllegalStateException("no JDK " + feature + " or later under /usr/lib/jvm"
                            + " (.ci/run checks for one)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's feature version from its {@code release} file (JAVA_VERSION="25.0.1" gives 25). */
    static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | NumberFormatException unknown) {
            // Not a JDK this can read: not a candidate.
        }
        return 0;
    }
}
