package dev.quillstream.platform.outbound;

/** An outbound request the SSRF guard refused, or that broke a size or time limit. */
public class OutboundRefused extends RuntimeException {

    public OutboundRefused(String message) {
        super(message);
    }

    public OutboundRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
