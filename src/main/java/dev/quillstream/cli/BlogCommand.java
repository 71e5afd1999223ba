package dev.quillstream.cli;

import dev.quillstream.content.BlogPost;
import dev.quillstream.export.MarkdownExporter;
import dev.quillstream.generation.BlogRequest;
import dev.quillstream.generation.BlogWriter;
import dev.quillstream.generation.BudgetExceeded;
import dev.quillstream.generation.Tone;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code blog}: writes one post and saves it as Markdown with front matter (or prints it). */
@Command(name = "blog", mixinStandardHelpOptions = true, description = "Write an SEO blog post.")
final class BlogCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--topic", required = true, description = "What the post is about (at most 300 characters).")
    String topic;

    @Option(names = "--keyword", description = "A keyword to rank for; repeat for more (at most 20).")
    List<String> keywords = new ArrayList<>();

    @Option(
            names = "--tone",
            defaultValue = "professional",
            description = "One of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = ToneNames.class)
    Tone tone;

    @Option(names = "--words", defaultValue = "1500", description = "Approximate length in words (300-10000).")
    int words;

    @Option(names = "--language", defaultValue = "en", description = "Language tag of the post (default: en).")
    String language;

    @Option(
            names = "--max-cost-usd",
            description = "Refuse the post if its estimated cost exceeds this (US dollars); stop if spend crosses it.")
    @Nullable
    Double maxCostUsd;

    @Option(names = "--no-cache", description = "Ask the providers again even for prompts they answered before.")
    boolean noCache;

    @Option(
            names = "--json",
            description = "Write the post as JSON (the API's shape, which 'export --in' reads) instead of Markdown.")
    boolean asJson;

    @Option(names = "--out", description = "Write the Markdown to this file instead of standard output.")
    @Nullable
    Path out;

    @Override
    public Integer call() throws IOException {
        BlogRequest request = new BlogRequest(
                topic, keywords, tone, false, false, false, null, language, words, maxCostUsd, noCache ? false : null);
        // Validation runs inside the context: Hibernate Validator logs on start, and only Spring's
        // logging setup keeps that off standard output.
        try (ConfigurableApplicationContext context = CliContext.start()) {
            String invalid = validate(context.getBean(Validator.class), request);
            if (invalid != null) {
                spec.commandLine().getErr().println("quillstream: " + invalid);
                return QuillstreamCli.BAD_INPUT;
            }
            BlogWriter writer = context.getBean(BlogWriter.class);
            BlogPost post;
            try {
                post = writer.write(
                        request, new ProgressLines(spec.commandLine().getErr()));
            } catch (BudgetExceeded refused) {
                spec.commandLine().getErr().println("quillstream: --max-cost-usd: " + refused.getMessage());
                return refused.estimate() ? QuillstreamCli.BAD_INPUT : QuillstreamCli.FAILURE;
            }
            String text = asJson
                    ? context.getBean(tools.jackson.databind.json.JsonMapper.class)
                                    .writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(post)
                            + "\n"
                    : context.getBean(MarkdownExporter.class).render(post);
            CommandOutput.deliver(
                    spec,
                    out,
                    text,
                    post.sections().size() + " sections" + (post.metadata().offline() ? ", offline draft" : ""));
            reportSeo(post);
        }
        return 0;
    }

    /** The SEO verdict on standard error: the score, and each failed check with its fix hint. */
    private void reportSeo(BlogPost post) {
        var seo = post.metadata().seo();
        if (seo == null) {
            return;
        }
        var err = spec.commandLine().getErr();
        err.println("SEO score " + seo.score() + "/100" + (seo.passed() ? ", every check passed" : ""));
        seo.checks().stream()
                .filter(check -> !check.passed())
                .forEach(check -> err.println("  failed " + check.id() + ": " + check.value() + " (expected "
                        + check.expected() + "). " + check.hint()));
    }

    private static @Nullable String validate(Validator validator, BlogRequest request) {
        return CommandOutput.invalid(
                validator,
                request,
                Map.of("keywords", "--keyword", "targetWords", "--words", "maxCostUsd", "--max-cost-usd"));
    }

    static final class ToneNames extends ArrayList<String> {
        ToneNames() {
            super(List.of(Tone.known().split(", ")));
        }
    }
}
