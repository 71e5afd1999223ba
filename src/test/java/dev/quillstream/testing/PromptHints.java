package dev.quillstream.testing;

import dev.quillstream.llm.ChatMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model would read in Quillstream's prompts — topic, keywords, the part to write, its length,
 * the SEO limits, the text to edit — recovered from the prompt text, so that the loopback provider
 * servers answer like a model that understood the request instead of drafting about "the topic".
 */
final class PromptHints {

    private static final List<Rule> RULES = List.of(
            new Rule("topic", "(?:blog post about: |book titled \\\"|^Topic: )([^\\n\\\"]+)"),
            new Rule("keywords", "Keywords(?: to cover)?: ([^\\n(]+?)(?:\\s*\\(primary|\\.\\s|\\n)"),
            new Rule("primary_keyword", "primary(?: keyword)?(?: is)?:? \\\"([^\\\"]+)\\\""),
            new Rule("subject", "Write the (?:part titled|section) \\\"([^\\\"]+)\\\""),
            new Rule("words", "in about (\\d+) words"),
            new Rule("title_min", "title of (\\d+) to \\d+ characters"),
            new Rule("title_max", "title of \\d+ to (\\d+) characters"),
            new Rule("description_min", "(?:description of |^- \\\"meta_description\\\": )(\\d+) to \\d+ characters"),
            new Rule("description_max", "(?:description of |^- \\\"meta_description\\\": )\\d+ to (\\d+) characters"),
            new Rule("original", "Text:\\n\\\"\\\"\\\"\\n([\\s\\S]*?)\\n\\\"\\\"\\\""));

    private PromptHints() {}

    static Map<String, String> read(List<ChatMessage> messages) {
        String prompt = messages.stream()
                .filter(m -> m.role() == ChatMessage.Role.USER)
                .map(ChatMessage::content)
                .findFirst()
                .orElse("");
        Map<String, String> hints = new HashMap<>();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(prompt);
            if (matcher.find()) {
                String value = matcher.group(1).strip();
                hints.put(rule.hint(), rule.hint().equals("keywords") ? value.replace(", ", ",") : value);
            }
        }
        if ("(none given)".equals(hints.get("keywords"))) {
            hints.remove("keywords");
        }
        return hints;
    }

    private record Rule(String hint, Pattern pattern) {
        Rule(String hint, String regex) {
            this(hint, Pattern.compile(regex, Pattern.MULTILINE));
        }
    }
}
