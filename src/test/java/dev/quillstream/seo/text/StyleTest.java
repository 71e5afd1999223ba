package dev.quillstream.seo.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StyleTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            However, the vault stays locked.                 | true
            The app syncs, and THEN it warns you.            | true
            As a result you remember one password.           | true
            Authentication takes a second step.              | true
            Authenticate once; the button attributes help.   | false
            As  a result, nothing.                           | false
            then_ is an identifier, then1 a variable.        | false
            café then                                        | true
            éthen                                            | true
            """)
    void findsTransitionsAsWholeWordsIgnoringCase(String sentence, boolean expected) {
        assertThat(Style.hasTransition(sentence)).isEqualTo(expected);
    }

    /**
     * The string search must find exactly what the regular expression it replaced finds, word
     * boundaries included: letters outside ASCII, digits, '_', combining marks, upper case.
     */
    @Test
    void agreesWithTheRegularExpressionItReplaced() throws IOException {
        List<String> transitions = transitionWords();
        Pattern regex = Pattern.compile(
                "\\b(?:" + transitions.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b",
                Pattern.CASE_INSENSITIVE);
        String[] pieces = {
            "",
            " ",
            "  ",
            "_",
            "1",
            "é",
            "É",
            "\u0301",
            "x\u0301",
            "é\u0301",
            "'",
            "-",
            ",",
            ".",
            "ﬁ",
            "\uD835\uDC00",
            "a",
            "Z",
            "th",
            "en"
        };
        Random random = new Random(42);
        int withTransition = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sentence = new StringBuilder();
            for (int part = 0; part < 1 + random.nextInt(6); part++) {
                sentence.append(pieces[random.nextInt(pieces.length)]);
                if (random.nextInt(3) > 0) {
                    String word = transitions.get(random.nextInt(transitions.size()));
                    sentence.append(random.nextBoolean() ? word : word.toUpperCase(java.util.Locale.ROOT));
                }
                sentence.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = sentence.toString();
            boolean expected = regex.matcher(text).find();
            withTransition += expected ? 1 : 0;
            assertThat(Style.hasTransition(text)).as("%s", text).isEqualTo(expected);
        }
        assertThat(withTransition).as("both outcomes are exercised").isBetween(5_000, 45_000);
    }

    private static List<String> transitionWords() throws IOException {
        try (InputStream in = StyleTest.class.getClassLoader().getResourceAsStream("seo/transition-words.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R"))
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
    }
}
