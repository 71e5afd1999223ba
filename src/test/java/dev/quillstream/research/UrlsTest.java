package dev.quillstream.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            HTTPS://Example.COM:443/Path?b=2&utm_source=x&a=1#frag, https://example.com/Path?b=2&a=1
            http://example.com:80,                                   http://example.com/
            http://example.com:8080/x/,                              http://example.com:8080/x/
            https://example.com./a?gclid=1&fbclid=2,                 https://example.com/a
            """)
    void normalizes(String url, String normalized) {
        assertThat(Urls.normalize(url)).isEqualTo(normalized);
    }

    @Test
    void keysTreatTheSamePageAsOne() {
        assertThat(Urls.key("http://www.example.com/a/?b=2&a=1"))
                .isEqualTo(Urls.key("https://example.com/a?a=1&b=2&utm_medium=mail"));
        assertThat(Urls.key("https://example.com/a")).isNotEqualTo(Urls.key("https://example.com/b"));
        assertThat(Urls.key("https://example.com/a?page=1")).isNotEqualTo(Urls.key("https://example.com/a?page=2"));
    }

    @Test
    void leavesOtherSchemesAlone() {
        assertThat(Urls.normalize(" library:guides/a%20b.md ")).isEqualTo("library:guides/a%20b.md");
        assertThat(Urls.isWeb("library:x")).isFalse();
        assertThat(Urls.isWeb("javascript:alert(1)")).isFalse();
        assertThat(Urls.isWeb("/relative")).isFalse();
        assertThat(Urls.isWeb("https://example.com")).isTrue();
    }
}
