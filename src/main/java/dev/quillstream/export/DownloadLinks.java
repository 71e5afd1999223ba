package dev.quillstream.export;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring download links: {@code /downloads/<token>?expires=<epoch seconds>&signature=<HMAC>}.
 * The token is the blob key (base64url) and the signature an HMAC-SHA256 over token and expiry
 * with the server's secret, so a link works for anyone who holds it, without an API key, until it
 * expires, and changing any part of it makes it worthless. Every node must share the secret.
 */
public final class DownloadLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final Duration ttl;
    private final Clock clock;

    public DownloadLinks(byte[] secret, Duration ttl, Clock clock) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("the signing secret must be at least 16 bytes");
        }
        this.secret = secret.clone();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A link to the blob, relative to the server's root, that downloads as {@code fileName}. */
    public SignedLink sign(String key, String fileName) {
        String token = ENCODER.encodeToString((key + "\n" + fileName).getBytes(StandardCharsets.UTF_8));
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return new SignedLink(
                "/downloads/" + token + "?expires=" + expires + "&signature=" + signature(token, expires),
                Instant.ofEpochSecond(expires));
    }

    /** The blob of a link that is authentic and not expired. */
    public Optional<Download> verify(String token, long expires, String signature) {
        byte[] expected = signature(token, expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() > expires) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
            return parts.length == 2 ? Optional.of(new Download(parts[0], parts[1])) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signature(String token, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal((token + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a verified link names: the blob and the file name to save it as. */
    public record Download(String key, String fileName) {}

    /** @param path server-relative path with query */
    public record SignedLink(String path, Instant expiresAt) {}
}
