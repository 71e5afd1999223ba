package dev.quillstream.cli;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/** What the writing commands share: refusing input by the API's rules, and delivering the document. */
final class CommandOutput {

    private CommandOutput() {}

    /**
     * The first rule {@code request} breaks, as {@code --option: message}; the same rules as the HTTP
     * API, so the CLI and the server refuse the same input.
     *
     * @param options request properties whose option is not {@code --property}
     */
    static <T> @Nullable String invalid(Validator validator, T request, Map<String, String> options) {
        return validator.validate(request).stream()
                .min(Comparator.comparing(
                        (ConstraintViolation<T> v) -> v.getPropertyPath().toString()))
                .map(v -> {
                    String property = v.getPropertyPath().toString().replaceAll("\\[\\d*]\\.?.*", "");
                    return options.getOrDefault(property, "--" + property) + ": " + v.getMessage();
                })
                .orElse(null);
    }

    /** Writes {@code bytes} (a binary export) to {@code out} and says so, with {@code what}, on standard error. */
    static void write(CommandSpec spec, Path out, byte[] bytes, String what) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        spec.commandLine().getErr().println("Wrote " + out + " (" + what + ", " + bytes.length + " bytes)");
    }

    /** Prints {@code text} on standard output, or writes it to {@code out} and says so, with {@code what}, on standard error. */
    static void deliver(CommandSpec spec, @Nullable Path out, String text, String what) throws IOException {
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
        spec.commandLine().getErr().println("Wrote " + out + " (" + what + ")");
    }
}
