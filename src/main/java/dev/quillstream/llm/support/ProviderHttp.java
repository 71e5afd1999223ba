package dev.quillstream.llm.support;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** A LangChain4j {@link HttpClientBuilder} that builds {@link ProviderHttpClient}s. */
public final class ProviderHttp implements HttpClientBuilder {

    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);
    private WireInspector inspector = WireInspector.NONE;

    public static ProviderHttp withTimeout(Duration requestTimeout) {
        return new ProviderHttp().readTimeout(requestTimeout);
    }

    /** Lets the adapter read failures LangChain4j does not see (see {@link WireInspector}). */
    public ProviderHttp inspecting(WireInspector wireInspector) {
        this.inspector = wireInspector;
        return this;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public ProviderHttp connectTimeout(Duration timeout) {
        if (timeout != null) {
            this.connectTimeout = timeout;
        }
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public ProviderHttp readTimeout(Duration timeout) {
        if (timeout != null) {
            this.readTimeout = timeout;
        }
        return this;
    }

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(connectTimeout, readTimeout, inspector);
    }
}
