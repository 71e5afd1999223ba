package dev.quillstream.accounts.web;

import dev.quillstream.accounts.AccountId;
import dev.quillstream.accounts.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets an {@code /api/v1} call through only with a valid {@code Authorization: Bearer <key>}; the
 * caller's {@link AccountId} travels on as a request attribute.
 */
class ApiKeyFilter extends OncePerRequestFilter {

    static final String ACCOUNT_ATTRIBUTE = AccountId.class.getName();

    private final ApiKeys keys;
    private final JsonMapper json;

    ApiKeyFilter(ApiKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AccountId> account = bearer(request).flatMap(keys::authenticate);
        if (account.isEmpty()) {
            reject(request, response);
            return;
        }
        request.setAttribute(ACCOUNT_ATTRIBUTE, account.get());
        chain.doFilter(request, response);
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        return ApiKeys.fromAuthorizationHeader(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNAUTHORIZED, "A valid API key is required: send it as 'Authorization: Bearer <key>'.");
        problem.setTitle("Unauthorized");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"quillstream\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
