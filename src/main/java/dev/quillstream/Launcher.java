package dev.quillstream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Entry point of the jar, compiled for Java 17 on purpose: Quillstream needs Java 21+, and a
 * machine whose default {@code java} is older should still be able to run {@code java -jar
 * quillstream.jar}. On an older JVM this class finds an installed JDK 21+ and re-launches the jar
 * with it; when none exists it prints one line saying how to fix that.
 */
public final class Launcher {

    private static final int REQUIRED_FEATURE = 21;
    private static final Pattern RELEASE_VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        if (Runtime.version().feature() >= REQUIRED_FEATURE) {
            start(args);
            return;
        }
        Optional<Path> java = findJava();
        if (java.isEmpty()) {
            System.err.println("Quillstream needs Java " + REQUIRED_FEATURE + "+ but runs on Java "
                    + Runtime.version().feature() + ": install a JDK " + REQUIRED_FEATURE
                    + "+ or set JAVA_HOME (or QUILLSTREAM_JAVA_HOME) to one.");
            System.exit(1);
        }
        System.exit(relaunch(java.get(), args));
    }

    private static void start(String[] args) throws Throwable {
        try {
            Class.forName("dev.quillstream.Main")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static int relaunch(Path java, String[] args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-jar");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
            }
        }));
        return child.waitFor();
    }

    private static Optional<Path> findJava() {
        List<Path> homes = new ArrayList<>();
        for (String variable : List.of("QUILLSTREAM_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                homes.add(Path.of(value));
            }
        }
        String userHome = System.getProperty("user.home");
        for (String parent : List.of(
                "/usr/lib/jvm",
                "/usr/java",
                "/opt/java",
                "/opt",
                "/Library/Java/JavaVirtualMachines",
                userHome + "/.sdkman/candidates/java",
                userHome + "/.jdks")) {
            homes.addAll(children(Path.of(parent)));
        }
        return homes.stream()
                .map(home -> Files.isDirectory(home.resolve("Contents/Home")) ? home.resolve("Contents/Home") : home)
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> featureVersion(home) >= REQUIRED_FEATURE)
                .max(Comparator.comparingInt(Launcher::featureVersion))
                .map(home -> home.resolve("bin/java"));
    }

    private static List<Path> children(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int featureVersion(Path home) {
        try {
            Matcher matcher = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
