package dev.quillstream.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code target/quillstream.jar} as a user would: its own process, in a folder of the test's,
 * without this machine's provider or Quillstream variables (they would change what the CLI uses).
 */
final class PackagedJar {

    private static final Path JAR = Path.of("target/quillstream.jar").toAbsolutePath();

    private PackagedJar() {}

    record Run(int exit, String stdout, String stderr) {}

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs the jar with the JDK running the tests. */
    static Run run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(dir, currentJava(), env, args);
    }

    static Run run(Path dir, Path java, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(PackagedJar::providerOrQuillstreamVariable);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not finish in 3 minutes");
        }
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** Variables of this machine that would change which provider the CLI uses. */
    static boolean providerOrQuillstreamVariable(String name) {
        return name.startsWith("QUILLSTREAM_")
                || name.startsWith("OPENAI_")
                || name.startsWith("ANTHROPIC_")
                || name.startsWith("GEMINI_")
                || name.startsWith("OLLAMA_")
                || name.endsWith("_API_KEY")
                || name.endsWith("_BASE_URL")
                || name.equals("REDIS_URL");
    }
}
