package dev.quillstream.llm.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quillstream.llm.ModelException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderFailuresTest {

    @Test
    void retryAfterInSecondsMillisecondsOrAsADate() {
        assertThat(ProviderFailures.retryAfter(failure(429, Map.of("Retry-After", List.of("7")))))
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(ProviderFailures.retryAfter(failure(429, Map.of("retry-after-ms", List.of("1500")))))
                .isEqualTo(Duration.ofMillis(1500));
        String inAMinute =
                DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));
        assertThat(ProviderFailures.retryAfter(failure(429, Map.of("Retry-After", List.of(inAMinute)))))
                .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(60));
        assertThat(ProviderFailures.retryAfter(failure(429, Map.of()))).isNull();
    }

    @Test
    void statusDecidesTheType() {
        assertThat(ProviderFailures.translate("p", failure(401, Map.of())))
                .isInstanceOf(ModelException.Unauthenticated.class);
        assertThat(ProviderFailures.translate("p", failure(400, Map.of())))
                .isInstanceOf(ModelException.InvalidModelRequest.class);
        assertThat(ProviderFailures.translate("p", failure(529, Map.of())))
                .isInstanceOf(ModelException.Overloaded.class);
        assertThat(ProviderFailures.translate("p", failure(503, Map.of())))
                .as("503 is shedding load, like Anthropic's 529")
                .isInstanceOf(ModelException.Overloaded.class);
        assertThat(ProviderFailures.translate("p", failure(500, Map.of())))
                .isInstanceOf(ModelException.ProviderUnavailable.class);
        assertThat(ProviderFailures.translate("p", new RuntimeException(new ConnectException("refused"))))
                .isInstanceOf(ModelException.ProviderUnavailable.class)
                .hasMessageContaining("refused");
    }

    private static ProviderHttpException failure(int status, Map<String, List<String>> headers) {
        return new ProviderHttpException(status, "{\"error\":{}}", headers);
    }
}
