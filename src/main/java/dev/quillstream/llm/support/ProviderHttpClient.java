package dev.quillstream.llm.support;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client every LangChain4j provider adapter runs on. It differs from LangChain4j's JDK
 * client in two ways that matter for resilience: failed responses keep their headers (so a 429's
 * {@code Retry-After} reaches the retry policy), and streams are read on the calling thread (a
 * virtual thread), so a streaming call returns only when the stream has ended.
 */
public final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    ProviderHttpClient(Duration connectTimeout, Duration readTimeout) {
        this.delegate = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    delegate.send(toJdkRequest(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (!successful(response.statusCode())) {
                throw new ProviderHttpException(
                        response.statusCode(),
                        response.body(),
                        response.headers().map());
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .body(response.body())
                    .build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.url(), e);
        } catch (IOException e) {
            throw new UncheckedProviderIoException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        HttpResponse<InputStream> response;
        try {
            response = delegate.send(toJdkRequest(request), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            listener.onError(new TimeoutException(e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.onError(e);
            return;
        } catch (IOException e) {
            listener.onError(new UncheckedProviderIoException(e));
            return;
        }
        try (InputStream body = response.body()) {
            if (!successful(response.statusCode())) {
                String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
                listener.onError(new ProviderHttpException(
                        response.statusCode(), text, response.headers().map()));
                return;
            }
            listener.onOpen(SuccessfulHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .build());
            parser.parse(body, listener);
            listener.onClose();
        } catch (IOException e) {
            listener.onError(new UncheckedProviderIoException(e));
        }
    }

    private java.net.http.HttpRequest toJdkRequest(HttpRequest request) {
        if (!request.formDataFiles().isEmpty() || !request.formDataFields().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by Quillstream's providers");
        }
        var builder =
                java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return builder.method(request.method().name(), body).build();
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }
}
