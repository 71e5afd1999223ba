package dev.quillstream.llm.support;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.CancellationUnsupportedHandle;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import dev.quillstream.llm.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP client every LangChain4j provider adapter runs on. It differs from LangChain4j's JDK
 * client in ways that matter for resilience: failed responses keep their headers (so a 429's
 * {@code Retry-After} reaches the retry policy); streams are read on the calling thread (a virtual
 * thread), so a streaming call returns only when the stream has ended; a stream that stops sending
 * for longer than the read timeout fails instead of hanging (the JDK's request timeout only covers
 * the wait for the response headers); and the adapter's {@link WireInspector} sees every 2xx body
 * and stream event first.
 */
public final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;
    private final WireInspector inspector;

    ProviderHttpClient(Duration connectTimeout, Duration readTimeout, WireInspector inspector) {
        this.delegate = java.net.http.HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.readTimeout = readTimeout;
        this.inspector = inspector;
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
            ModelException reported = inspector.inBody(response.body());
            if (reported != null) {
                throw reported;
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
        try (StallWatchdog.WatchedStream body = StallWatchdog.watch(response.body(), readTimeout)) {
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
            InspectedListener inspected = new InspectedListener(listener, body);
            parser.parse(body, inspected);
            inspected.finish();
        } catch (IOException e) {
            listener.onError(new UncheckedProviderIoException(e));
        }
    }

    /**
     * Hands events on until the inspector or the connection reports a failure; after a failure
     * nothing more reaches LangChain4j, and {@code onClose} only follows a stream that ended well.
     */
    private final class InspectedListener implements ServerSentEventListener {

        private final ServerSentEventListener delegate;
        private final StallWatchdog.WatchedStream body;
        private boolean failed;

        InspectedListener(ServerSentEventListener delegate, StallWatchdog.WatchedStream body) {
            this.delegate = delegate;
            this.body = body;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            ModelException reported = inspector.inStream(event.event(), event.data());
            if (reported != null) {
                failed = true;
                delegate.onError(reported);
                context.parsingHandle().cancel();
                return;
            }
            delegate.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            onEvent(event, new ServerSentEventContext(new CancellationUnsupportedHandle()));
        }

        @Override
        public void onError(Throwable error) {
            if (failed) {
                return;
            }
            failed = true;
            delegate.onError(body.stalled() ? stalled() : new UncheckedProviderIoException(asIo(error)));
        }

        void finish() {
            if (!failed && body.stalled()) {
                failed = true;
                delegate.onError(stalled());
            }
            if (!failed) {
                delegate.onClose();
            }
        }

        private TimeoutException stalled() {
            return new TimeoutException(
                    "request timed out: the stream sent nothing for " + readTimeout.toMillis() + " ms");
        }
    }

    private static IOException asIo(Throwable error) {
        return error instanceof IOException io ? io : new IOException(error.getMessage(), error);
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
