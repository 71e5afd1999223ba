package dev.quillstream.platform.roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What this node does ({@code QUILLSTREAM_ROLES}): {@code api} takes HTTP requests and holds
 * WebSockets, {@code worker} runs jobs; both by default. Nodes keep no state of their own, so any
 * mix of roles can run against one PostgreSQL and one Redis.
 */
@Component
public class NodeRoles {

    private final Set<String> roles;

    public NodeRoles(@Value("${quillstream.roles:api,worker}") String roles) {
        this.roles = Arrays.stream(roles.split(","))
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (this.roles.isEmpty() || !Set.of("api", "worker").containsAll(this.roles)) {
            throw new IllegalArgumentException(
                    "QUILLSTREAM_ROLES must be api, worker or api,worker; was '" + roles + "'");
        }
    }

    public boolean api() {
        return roles.contains("api");
    }

    public boolean worker() {
        return roles.contains("worker");
    }

    @Override
    public String toString() {
        return String.join(",", roles);
    }
}
