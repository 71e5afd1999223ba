package dev.quillstream.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ExportConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ExportConfiguration.class);

    /**
     * {@code QUILLSTREAM_SIGNING_SECRET} when set (every node of a deployment needs the same one);
     * otherwise a random secret kept in {@code QUILLSTREAM_DATA_DIR/signing.key}, created on first
     * start, which is enough for one node or nodes sharing that folder.
     */
    @Bean
    DownloadLinks downloadLinks(
            @Value("${quillstream.signing-secret:}") String configured,
            @Value("${quillstream.data-dir:./data}") String dataDir,
            @Value("${quillstream.download-ttl:15m}") Duration ttl) {
        byte[] secret = configured.isBlank()
                ? storedSecret(Path.of(dataDir, "signing.key"))
                : configured.getBytes(StandardCharsets.UTF_8);
        return new DownloadLinks(secret, ttl, Clock.systemUTC());
    }

    private static byte[] storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX filesystem: the folder's own permissions protect it
            }
            log.info("Created the download-link signing secret in {}", file);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing secret " + file, e);
        }
    }
}
