package dev.quillstream.accounts;

import java.util.Objects;
import java.util.UUID;

/**
 * The account an API call acts for. Controllers declare a parameter of this type and receive the
 * caller's account, authenticated by its API key.
 */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }
}
