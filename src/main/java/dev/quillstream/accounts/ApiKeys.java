package dev.quillstream.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues and checks API keys. A key is shown once, at creation; only its hash is kept. */
@Service
public class ApiKeys {

    static final String PREFIX = "qs_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new account with one key; returns the key in clear, the only time it exists in clear. */
    @Transactional
    public IssuedKey createAccount(String name) {
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into accounts (id, name) values (:id, :name)")
                .param("id", account)
                .param("name", name)
                .update();
        String key = newSecret(PREFIX);
        store(new AccountId(account), key, "created with the account");
        return new IssuedKey(new AccountId(account), key);
    }

    /** Makes {@code key} valid for a new admin account unless it already is (bootstrap). */
    @Transactional
    public AccountId ensure(String key, String accountName) {
        Optional<AccountId> existing = authenticate(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into accounts (id, name) values (:id, :name)")
                .param("id", account)
                .param("name", accountName)
                .update();
        store(new AccountId(account), key, "bootstrap");
        return new AccountId(account);
    }

    public Optional<AccountId> authenticate(String key) {
        if (key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        update api_keys set last_used_at = now()
                        where key_hash = :hash and revoked_at is null
                        returning account_id
                        """)
                .param("hash", hash(key))
                .query(UUID.class)
                .optional()
                .map(AccountId::new);
    }

    /** The key of an {@code Authorization: Bearer <key>} header value, if it is one. */
    public static Optional<String> fromAuthorizationHeader(@org.jspecify.annotations.Nullable String header) {
        String bearer = "Bearer ";
        if (header == null || !header.regionMatches(true, 0, bearer, 0, bearer.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(bearer.length()).strip());
    }

    public boolean anyExist() {
        return jdbc.sql("select exists (select 1 from api_keys where revoked_at is null)")
                .query(Boolean.class)
                .single();
    }

    private void store(AccountId account, String key, String label) {
        jdbc.sql("""
                        insert into api_keys (id, account_id, key_hash, key_prefix, label)
                        values (:id, :account, :hash, :prefix, :label)
                        """)
                .param("id", UUID.randomUUID())
                .param("account", account.value())
                .param("hash", hash(key))
                .param("prefix", key.substring(0, Math.min(8, key.length())))
                .param("label", label)
                .update();
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A new credential: {@code prefix} and 32 random bytes, base64url. Kept only as its {@link #hash}. */
    static String newSecret(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A key in clear, as handed to its owner once. */
    public record IssuedKey(AccountId account, String key) {}
}
