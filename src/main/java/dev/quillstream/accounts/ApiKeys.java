package dev.quillstream.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
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
    /** How precisely {@code api_keys.last_used_at} follows a key's use. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

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

    /**
     * The account of a key that is not revoked. Checked against the database every time, so a
     * revoked key stops working at once; its {@code last_used_at} is written at most once per
     * {@link #LAST_USED_RESOLUTION}: a write per request would put a commit (and its WAL flush) on
     * every request, and a burst on one key (a thousand sockets opened together) would queue on
     * that one row's lock.
     */
    public Optional<AccountId> authenticate(String key) {
        if (key.isBlank() || key.length() > 512) {
            return Optional.empty();
        }
        String hash = hash(key);
        Optional<KeyUse> use = jdbc.sql("""
                        select account_id, last_used_at is not null
                                and last_used_at > now() - :resolution * interval '1 second' as recent
                        from api_keys
                        where key_hash = :hash and revoked_at is null
                        """)
                .param("hash", hash)
                .param("resolution", LAST_USED_RESOLUTION.toSeconds())
                .query((rs, n) -> new KeyUse(rs.getObject("account_id", UUID.class), rs.getBoolean("recent")))
                .optional();
        use.filter(u -> !u.recent()).ifPresent(u -> touch(hash));
        return use.map(u -> new AccountId(u.account()));
    }

    /** Records the use; of requests that race here, the first writes and the others match nothing. */
    private void touch(String hash) {
        jdbc.sql("""
                        update api_keys set last_used_at = now()
                        where key_hash = :hash
                          and (last_used_at is null or last_used_at <= now() - :resolution * interval '1 second')
                        """)
                .param("hash", hash)
                .param("resolution", LAST_USED_RESOLUTION.toSeconds())
                .update();
    }

    private record KeyUse(UUID account, boolean recent) {}

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
