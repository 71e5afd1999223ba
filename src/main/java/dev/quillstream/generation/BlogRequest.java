package dev.quillstream.generation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request for a blog post, as the seed's {@code POST /api/v1/generate-blog} takes it.
 *
 * @param tone defaults to {@link Tone#PROFESSIONAL}
 * @param language BCP 47 language tag of the post, default {@code en}
 * @param targetWords approximate length of the whole post, default 1500
 * @param maxCostUsd optional budget: the post is refused when its estimated cost exceeds it, and
 *     stopped (nothing stored) when the money actually spent crosses it
 * @param cache false asks the providers again even for prompts answered before (default true)
 */
public record BlogRequest(
        @NotBlank(message = "must not be blank") @Size(max = 300, message = "must be at most 300 characters")
        String topic,

        @Size(max = 20, message = "must contain at most 20 keywords")
        List<
                        @NotBlank(message = "must not be blank")
                        @Size(max = 100, message = "must be at most 100 characters") String>
                keywords,

        Tone tone,
        boolean research,
        boolean proofread,
        boolean humanize,

        @Nullable @Size(max = 100, message = "must be at most 100 characters")
        String conversationId,

        @Pattern(regexp = "[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String language,

        @Min(value = 300, message = "must be at least 300") @Max(value = 10000, message = "must be at most 10000")
        int targetWords,

        @Nullable
        @DecimalMin(value = "0", inclusive = false, message = "must be greater than 0")
        @DecimalMax(value = "10000", message = "must be at most 10000")
        Double maxCostUsd,

        @Nullable Boolean cache,

        /** true: answer 202 with the job's location at once instead of waiting for the post. */
        @Nullable Boolean async) {

    public static final int DEFAULT_TARGET_WORDS = 1500;

    public BlogRequest {
        topic = topic == null ? "" : topic.strip();
        keywords = keywords == null
                ? List.of()
                : keywords.stream().map(k -> k == null ? "" : k.strip()).toList();
        tone = tone == null ? Tone.PROFESSIONAL : tone;
        language = language == null || language.isBlank() ? "en" : language.strip();
        targetWords = targetWords == 0 ? DEFAULT_TARGET_WORDS : targetWords;
    }

    public BlogRequest(
            String topic,
            List<String> keywords,
            Tone tone,
            boolean research,
            boolean proofread,
            boolean humanize,
            @Nullable String conversationId,
            String language,
            int targetWords) {
        this(topic, keywords, tone, research, proofread, humanize, conversationId, language, targetWords, null, null);
    }

    public BlogRequest(
            String topic,
            List<String> keywords,
            Tone tone,
            boolean research,
            boolean proofread,
            boolean humanize,
            @Nullable String conversationId,
            String language,
            int targetWords,
            @Nullable Double maxCostUsd,
            @Nullable Boolean cache) {
        this(
                topic,
                keywords,
                tone,
                research,
                proofread,
                humanize,
                conversationId,
                language,
                targetWords,
                maxCostUsd,
                cache,
                null);
    }

    /** Whether the caller asked for a job to watch rather than the post itself. */
    public boolean runsAsync() {
        return async != null && async;
    }

    /** Whether answers may come from the response cache. */
    public boolean cacheAllowed() {
        return cache == null || cache;
    }

    public static BlogRequest of(String topic, List<String> keywords, Tone tone) {
        return new BlogRequest(topic, keywords, tone, false, false, false, null, "en", DEFAULT_TARGET_WORDS);
    }
}
