package dev.quillstream.export;

import java.text.Normalizer;
import java.util.Locale;

/** URL- and file-name-safe names from titles. */
final class Slugs {

    private Slugs() {}

    static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 80) {
            slug = slug.substring(0, 80).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "document" : slug;
    }
}
