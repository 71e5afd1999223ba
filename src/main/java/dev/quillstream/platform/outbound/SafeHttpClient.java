package dev.quillstream.platform.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP to URLs that users (or web pages) supply: research page fetches, a WordPress site. Only
 * {@code http}/{@code https}; every address a name resolves to is checked by the
 * {@link AddressPolicy} at connection time (so DNS rebinding between check and connect cannot
 * slip through), on the first request and on every redirect, which are followed here, one by one;
 * bodies are cut at a size limit and requests at a deadline.
 */
public final class SafeHttpClient implements AutoCloseable {

    private static final int MAX_REDIRECTS = 5;

    private final CloseableHttpClient http;
    private final AddressPolicy policy;
    private final Limits limits;

    /**
     * @param maxBytes largest body read; a bigger one is refused
     */
    public record Limits(Duration connectTimeout, Duration responseTimeout, long maxBytes) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(15), 5_000_000);
    }

    public SafeHttpClient(AddressPolicy policy, Limits limits, HostResolver resolver) {
        this.policy = policy;
        this.limits = limits;
        DnsResolver guarded = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = resolver.resolve(host);
                for (InetAddress address : addresses) {
                    if (!policy.permits(host, address)) {
                        throw new RefusedHostException(host, address);
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
        Timeout connect = Timeout.of(limits.connectTimeout());
        Timeout response = Timeout.of(limits.responseTimeout());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(guarded)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect)
                                .setSocketTimeout(response)
                                .build())
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(8)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(response)
                        .build())
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Quillstream/1.0 (+https://github.com/quillstream)")
                .build();
    }

    public SafeHttpClient(AddressPolicy policy) {
        this(policy, Limits.DEFAULT, HostResolver.SYSTEM);
    }

    /** A request; {@code body} is sent as JSON when present. */
    public record Request(String method, URI uri, Map<String, String> headers, String body) {

        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of(), null);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, uri, more, body);
        }
    }

    /** @param finalUri where the body came from, after redirects */
    public record Response(int status, URI finalUri, Map<String, String> headers, String contentType, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public Response send(Request request) {
        URI uri = checked(request.uri());
        String method = request.method();
        String body = request.body();
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpUriRequestBase message = new HttpUriRequestBase(method, uri);
            request.headers().forEach(message::setHeader);
            if (body != null) {
                message.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            }
            message.setConfig(RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(Timeout.of(limits.responseTimeout()))
                    .setConnectionRequestTimeout(Timeout.of(limits.connectTimeout()))
                    .build());
            Response response = execute(message, uri);
            if (response.status() >= 300 && response.status() < 400 && response.header("location") != null) {
                uri = checked(uri.resolve(response.header("location").strip()));
                if (response.status() == 303 || (response.status() <= 302 && !method.equals("GET"))) {
                    method = "GET";
                    body = null;
                }
                continue;
            }
            return response;
        }
        throw new OutboundRefused("more than " + MAX_REDIRECTS + " redirects from " + request.uri());
    }

    private Response execute(HttpUriRequestBase message, URI uri) {
        try {
            return http.execute(message, (ClassicHttpResponse response) -> {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                HttpEntity entity = response.getEntity();
                String contentType = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
                String text = entity == null ? "" : read(entity, uri);
                return new Response(response.getCode(), uri, headers, contentType, text);
            });
        } catch (RefusedHostException e) {
            throw new OutboundRefused(e.getMessage(), e);
        } catch (OutboundRefused e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof RefusedHostException refused) {
                throw new OutboundRefused(refused.getMessage(), refused);
            }
            throw new OutboundRefused("request to " + uri.getHost() + " failed: " + e.getMessage(), e);
        }
    }

    private String read(HttpEntity entity, URI uri) throws IOException {
        if (entity.getContentLength() > limits.maxBytes()) {
            throw new OutboundRefused(uri + " is larger than " + limits.maxBytes() + " bytes");
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                throw new OutboundRefused(uri + " is larger than " + limits.maxBytes() + " bytes");
            }
            return new String(bytes, charset(entity));
        }
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parse(entity.getContentType());
            return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private URI checked(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefused("only http and https URLs are fetched, not '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new OutboundRefused("URL has no host: " + uri);
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefused("URLs with credentials are not fetched");
        }
        return uri;
    }

    @Override
    public void close() throws IOException {
        http.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }

    /** Thrown inside the connection manager; an IOException so HttpClient passes it through unwrapped. */
    static final class RefusedHostException extends UnknownHostException {
        RefusedHostException(String host, InetAddress address) {
            super("refused to connect to " + host + " (" + address.getHostAddress()
                    + "): not a public address; allow it with QUILLSTREAM_OUTBOUND_ALLOWED_HOSTS if intended");
        }
    }
}
