package dev.quillstream.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can call the API after the first start: {@code QUILLSTREAM_BOOTSTRAP_API_KEY}
 * becomes a valid admin key; without it, an embedded first start (no keys at all) generates a key
 * and prints it once on standard output. An external database is never given a generated key,
 * since its logs may be collected: there the operator sets the bootstrap key.
 */
@Component
class BootstrapKey implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapKey.class);

    private final ApiKeys keys;
    private final String bootstrapKey;
    private final boolean embedded;

    BootstrapKey(
            ApiKeys keys,
            @Value("${quillstream.bootstrap-api-key:}") String bootstrapKey,
            @Value("${quillstream.database-url:}") String databaseUrl) {
        this.keys = keys;
        this.bootstrapKey = bootstrapKey;
        this.embedded = databaseUrl.isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!bootstrapKey.isBlank()) {
            keys.ensure(bootstrapKey, "admin");
            log.info("Bootstrap API key from QUILLSTREAM_BOOTSTRAP_API_KEY is active.");
            return;
        }
        if (keys.anyExist()) {
            return;
        }
        if (!embedded) {
            log.warn("No API keys exist: set QUILLSTREAM_BOOTSTRAP_API_KEY to create the first one.");
            return;
        }
        ApiKeys.IssuedKey issued = keys.createAccount("admin");
        System.out.println();
        System.out.println("  Quillstream created your first API key (shown only this once; it is stored hashed):");
        System.out.println();
        System.out.println("    " + issued.key());
        System.out.println();
        System.out.println("  Use it as: Authorization: Bearer " + issued.key());
        System.out.println();
    }
}
