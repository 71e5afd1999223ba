package dev.quillstream.llm.offline;

import dev.quillstream.llm.ChatMessage;
import dev.quillstream.llm.ModelReply;
import dev.quillstream.llm.ModelRequest;
import dev.quillstream.llm.TextModel;
import dev.quillstream.llm.TokenListener;
import dev.quillstream.llm.TokenUsage;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic stand-in for a language model, so Quillstream runs end to end with no keys and
 * no network. It does not understand prompts: it composes drafts from the request's hints and
 * honours response schemas (types, required properties, array lengths). Every reply is marked
 * {@code offline}; it is a draft for trying the product, never presented as real writing.
 *
 * <p>Optional simulated latency (before the first token, and between tokens) makes it useful for
 * benchmarks of everything around the model.
 */
public final class OfflineTextModel implements TextModel {

    public static final String PROVIDER = "offline";
    public static final String MODEL = "offline-draft-1";
    private static final Pattern WORD_WITH_SPACE = Pattern.compile("\\S+\\s*");

    private final Duration firstTokenLatency;
    private final Duration tokenInterval;

    public OfflineTextModel(Duration firstTokenLatency, Duration tokenInterval) {
        this.firstTokenLatency = firstTokenLatency;
        this.tokenInterval = tokenInterval;
    }

    public OfflineTextModel() {
        this(Duration.ZERO, Duration.ZERO);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public ModelReply complete(ModelRequest request) {
        String text = draft(request);
        pause(firstTokenLatency);
        pause(tokenInterval.multipliedBy(countWords(text)));
        return reply(request, text);
    }

    @Override
    public ModelReply stream(ModelRequest request, TokenListener listener) {
        String text = draft(request);
        pause(firstTokenLatency);
        Matcher words = WORD_WITH_SPACE.matcher(text);
        boolean first = true;
        while (words.find()) {
            if (!first) {
                pause(tokenInterval);
            }
            first = false;
            listener.onDelta(words.group());
        }
        return reply(request, text);
    }

    private static String draft(ModelRequest request) {
        long seed = seedOf(request);
        DraftHints hints = DraftHints.of(request);
        if (request.schema() != null) {
            return SchemaDraft.write(request.schema().schema(), hints, seed);
        }
        // An edit (proofread, humanize, targeted rewrite): the offline model cannot improve text, so it keeps it.
        return hints.original() != null ? hints.original() : ProseDraft.write(hints, seed);
    }

    private static ModelReply reply(ModelRequest request, String text) {
        long promptChars =
                request.messages().stream().mapToLong(m -> m.content().length()).sum();
        TokenUsage usage = new TokenUsage(Math.max(1, promptChars / 4), Math.max(1, text.length() / 4));
        return new ModelReply(text, usage, PROVIDER, MODEL, true);
    }

    /** Same request, same draft: the seed depends on the messages and hints only. */
    private static long seedOf(ModelRequest request) {
        long seed = 17;
        for (ChatMessage message : request.messages()) {
            seed = seed * 31 + message.content().hashCode();
        }
        return seed * 31 + new java.util.TreeMap<>(request.hints()).hashCode();
    }

    private static int countWords(String text) {
        return text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while simulating model latency", e);
        }
    }
}
