package dev.quillstream.generation.support;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One editorial rewrite of one part (proofreading, humanising), for posts and books alike. The
 * rewrite is kept only if it keeps the part's citations, keywords and headings ({@link
 * EditInvariants}) and the caller's own rules; otherwise the model is told what it broke and tries
 * once more, and then the original stays.
 */
public final class EditorialRewrite {

    /** Stock phrases a humanised text must not use ({@code prompts/blog/machine-phrases.txt}). */
    public static final List<String> MACHINE_PHRASES = lines("prompts/blog/machine-phrases.txt");

    /**
     * @param text the rewrite when it was kept, else the original
     * @param problems what the kept rewrite still does wrong, or why the original was kept
     */
    public record Outcome(String text, boolean rewritten, List<String> problems) {}

    private EditorialRewrite() {}

    /**
     * @param pass {@code proofread} or {@code humanize}
     * @param part names the part in problems, e.g. {@code section 2.1}
     * @param rules further rules the rewrite must keep, phrased for the model; empty when it does
     */
    public static Outcome edit(
            TextModel model,
            String pass,
            String part,
            ModelRequest request,
            String original,
            List<String> keywords,
            Function<String, List<String>> rules) {
        ModelRequest attempt = request;
        for (int i = 0; i < 2; i++) {
            String candidate =
                    MarkdownText.withoutLeadingHeading(model.complete(attempt).text(), "");
            List<String> broken = new ArrayList<>(EditInvariants.problems(original, candidate, keywords));
            if (broken.isEmpty()) {
                broken.addAll(rules.apply(candidate));
            }
            if (broken.isEmpty()) {
                List<String> stock = pass.equals("humanize") ? stockPhrases(candidate) : List.of();
                return new Outcome(
                        candidate,
                        true,
                        stock.isEmpty() ? List.of() : List.of(part + ": still uses " + String.join(", ", stock)));
            }
            if (i == 1) {
                return new Outcome(
                        original, false, List.of(part + ": kept the original (" + String.join("; ", broken) + ")"));
            }
            attempt = request.followedBy(
                    ChatMessage.assistant(candidate),
                    ChatMessage.user("Your rewrite broke these rules:\n- " + String.join("\n- ", broken)
                            + "\nRewrite the original again and keep them."));
        }
        throw new IllegalStateException("unreachable");
    }

    public static List<String> stockPhrases(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return MACHINE_PHRASES.stream().filter(lower::contains).toList();
    }

    private static List<String> lines(String resource) {
        try (InputStream in = EditorialRewrite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
