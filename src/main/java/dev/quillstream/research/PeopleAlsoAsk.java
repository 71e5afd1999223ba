package dev.quillstream.research;

import org.jspecify.annotations.Nullable;

/** A question searchers also ask (Google's "People also ask"), with the answer snippet and its page. */
public record PeopleAlsoAsk(
        String question,
        String snippet,
        @Nullable String title,
        @Nullable String link) {

    public PeopleAlsoAsk {
        question = question == null ? "" : question.strip();
        snippet = snippet == null ? "" : snippet.strip();
    }
}
