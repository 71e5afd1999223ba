package dev.quillstream.seo;

import dev.quillstream.seo.text.PlainText;
import dev.quillstream.seo.text.Stems;

/** Keyword matching as the analyzer does it (English stems, so inflections count), for callers that must keep keywords intact. */
public final class Keywords {

    private Keywords() {}

    public static int occurrences(String markdown, String keyword) {
        return Stems.occurrences(Stems.of(PlainText.of(markdown)), keyword);
    }
}
