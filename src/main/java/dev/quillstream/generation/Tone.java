package dev.quillstream.generation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The voices a post can be written in; each carries the style guidance its prompts use. */
public enum Tone {
    PROFESSIONAL("Clear, confident and courteous. Precise vocabulary, no slang, no hype."),
    PRACTICAL(
            "Hands-on and concrete. Lead with steps, commands, examples and checklists; skip theory that does not change what the reader does."),
    CONVERSATIONAL(
            "Like a knowledgeable friend talking: second person, contractions, short sentences, the occasional question to the reader."),
    FRIENDLY("Warm and encouraging, simple words, reassurance where readers usually struggle."),
    AUTHORITATIVE(
            "Expert and decisive: state recommendations plainly, explain the reasoning, acknowledge trade-offs briefly."),
    ACADEMIC("Formal and careful: define terms, qualify claims, structure arguments, avoid colloquialisms."),
    PERSUASIVE(
            "Make a case: benefits first, anticipate objections and answer them, end each part with a clear takeaway."),
    TECHNICAL("For practitioners: exact terminology, configuration and code-level detail, no marketing language."),
    CASUAL("Relaxed and light, everyday language, brief paragraphs, a little humour where it fits."),
    INSPIRATIONAL(
            "Uplifting and motivating: stories of progress, vivid verbs, a hopeful close, without empty clichés."),
    JOURNALISTIC(
            "Neutral and factual, inverted pyramid: the most important information first, attributed claims, no opinion."),
    HUMOROUS("Witty and playful while still informative; jokes serve the point and never replace it.");

    private final String guidance;

    Tone(String guidance) {
        this.guidance = guidance;
    }

    public String guidance() {
        return guidance;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a tone name, case-insensitively; unknown names fail with the list of known ones. */
    @JsonCreator
    public static Tone of(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("tone must not be blank; known tones: " + known());
        }
        return Arrays.stream(values())
                .filter(tone -> tone.id().equals(name.strip().toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("unknown tone '" + name + "'; known tones: " + known()));
    }

    public static String known() {
        return Arrays.stream(values()).map(Tone::id).collect(Collectors.joining(", "));
    }
}
