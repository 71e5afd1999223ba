package dev.quillstream.research;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text written by strangers (fetched pages, search snippets, uploaded documents) on its way into a
 * prompt. Sentences that address a language model — "ignore previous instructions", role markers,
 * chat-template tokens, attempts to close the fence that marks quoted data — are removed whole;
 * what remains is plain quoted material. Removal is deliberately broad: losing a sentence of a
 * source costs little, obeying one could cost the whole post.
 */
public final class UntrustedText {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final List<Pattern> INSTRUCTIONS = List.of(
            // "ignore / disregard / forget ... previous / above / all ... instructions / rules / prompt"
            Pattern.compile(
                    "\\b(ignore|disregard|forget|override|bypass|skip|drop)\\b.{0,60}?\\b(previous|prior|above|earlier|preceding|former|all|any|every|your|the|these|those|system|original)\\b.{0,40}?\\b(instructions?|prompts?|rules|directions|guidelines|guidance|context|messages?|constraints|policies|polic(y|ies))\\b",
                    FLAGS),
            Pattern.compile(
                    "\\b(new|updated|real|actual|hidden|secret|additional)\\s+(instructions?|system prompt|task|orders)\\b",
                    FLAGS),
            Pattern.compile("\\b(system|developer)\\s+(prompt|message|instructions?)\\b", FLAGS),
            Pattern.compile(
                    "\\b(you are now|from now on,? you|you must now|you will now|pretend (to be|you are)|act as (an?|the)|role-?play as|jailbreak|DAN mode)\\b",
                    FLAGS),
            Pattern.compile(
                    "\\b(as an? (ai|language model|llm|assistant)|dear (ai|assistant|llm|model|chatbot)|(ai|llm|gpt|chatbot|language)( models?| assistants?| agents?)? (reading|processing|summari[sz]ing|crawling|indexing) this)\\b",
                    FLAGS),
            Pattern.compile(
                    "\\b(do not|don't|never)\\s+(cite|mention|reveal|tell|disclose)\\b.{0,40}\\b(source|instruction|prompt|this)",
                    FLAGS),
            Pattern.compile(
                    "\\b(respond|reply|answer|write|output|print|say|include|insert|add)\\b.{0,50}?\\b(only|exactly|verbatim|instead)\\b.{0,30}?[\"'“‘]",
                    FLAGS),
            Pattern.compile("(^|\\s)(system|assistant|user|developer|human)\\s*:", FLAGS),
            Pattern.compile(
                    "<\\|[^|>]{1,30}\\|>|\\[/?INST]|<</?SYS>>|#{2,}\\s*(instruction|system|response)\\b", FLAGS));

    /** Fence tags of our prompts, and anything posing as one, never pass through. */
    private static final Pattern FENCE = Pattern.compile("<\\s*/?\\s*(sources?|documents?|data|quote)\\b[^>]*>", FLAGS);

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+|\\n+");

    private UntrustedText() {}

    /** The text without instruction-like sentences, fence tags or control characters; whitespace collapsed per paragraph. */
    public static String clean(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String plain = text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ")
                .replaceAll("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\uFEFF]", "");
        plain = FENCE.matcher(plain).replaceAll(" ");
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : plain.split("\\n\\s*\\n")) {
            StringBuilder kept = new StringBuilder();
            for (String sentence : SENTENCE_END.split(paragraph)) {
                String trimmed = sentence.strip();
                if (!trimmed.isEmpty() && !instructionLike(trimmed)) {
                    if (!kept.isEmpty()) {
                        kept.append(' ');
                    }
                    kept.append(trimmed.replaceAll("[ \\t]+", " "));
                }
            }
            if (!kept.isEmpty()) {
                paragraphs.add(kept.toString());
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** One line of metadata (a title): cleaned, on one line, without quotes or angle brackets, at most {@code max} characters. */
    public static String line(String text, int max) {
        String cleaned =
                clean(text).replaceAll("\\s+", " ").replaceAll("[\"<>`]", "").strip();
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max - 1).strip() + "…";
    }

    /** Whether a sentence reads as addressed to a language model rather than to a human reader. */
    public static boolean instructionLike(String sentence) {
        return INSTRUCTIONS.stream().anyMatch(p -> p.matcher(sentence).find());
    }
}
