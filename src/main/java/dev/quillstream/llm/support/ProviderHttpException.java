package dev.quillstream.llm.support;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;

/** A non-2xx answer, with its headers (LangChain4j's own exception drops them). */
final class ProviderHttpException extends HttpException {

    private final Map<String, List<String>> headers;
    private final String body;

    ProviderHttpException(int statusCode, String body, Map<String, List<String>> headers) {
        super(statusCode, body);
        this.headers = Map.copyOf(headers);
        this.body = body;
    }

    String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst()
                .orElse(null);
    }

    String body() {
        return body;
    }
}
