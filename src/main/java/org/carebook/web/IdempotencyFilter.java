package org.carebook.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} for every POST and PATCH. The request runs inside one transaction that
 * also stores its response, so a change and its key are committed together or not at all:
 * <ul>
 *   <li>a transaction-scoped advisory lock on the key makes a concurrent duplicate a 409
 *       {@code idempotency_key_in_use} instead of a second execution;</li>
 *   <li>the handler runs under a savepoint: a 4xx rolls its work back but its answer is kept, a 5xx
 *       rolls everything back and stores nothing, so a retry runs afresh.</li>
 * </ul>
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER
        + 10) // after the security chain: a replay is for a caller who may make the call
class IdempotencyFilter extends OncePerRequestFilter {

    private static final Duration KEPT = Duration.ofHours(24);
    private static final Duration PRUNED_AFTER = Duration.ofHours(48);

    private final JdbcClient jdbc;
    private final PlatformTransactionManager transactions;
    private final ErrorResponses errors;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactions, ErrorResponses errors, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("POST".equals(method) || "PATCH".equals(method))
                || request.getHeader("Idempotency-Key") == null
                || !(request.getAttribute(ApiKeyAuthenticationFilter.CALLER) instanceof Caller);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader("Idempotency-Key");
        if (!validKey(key)) {
            errors.write(
                    request,
                    response,
                    CarebookException.invalid(
                            List.of(new FieldIssue("Idempotency-Key", "must be 1 to 255 printable ASCII characters"))));
            return;
        }
        Caller caller = (Caller) request.getAttribute(ApiKeyAuthenticationFilter.CALLER);
        CachedBodyRequest cached;
        try {
            cached = new CachedBodyRequest(request);
        } catch (LimitedBodyRequest.BodyTooLargeException e) {
            errors.write(request, response, ErrorResponses.payloadTooLarge());
            return;
        }
        byte[] fingerprint = fingerprint(request, cached.body());
        // Keys are the caller's own: the same key and body from another API key, member of staff or manage link
        // is another request, never a replay of this one's answer.
        key = caller.keyId() + "/" + key;

        TransactionStatus outer = transactions.getTransaction(new DefaultTransactionDefinition());
        try {
            Claim claim = claim(caller, key, fingerprint);
            if (!(claim instanceof Claim.Taken)) {
                transactions.rollback(outer);
                if (claim instanceof Claim.Refused refused) {
                    errors.write(request, response, refused.reason());
                } else if (claim instanceof Claim.Answered answered) {
                    replay(answered.response(), response);
                }
                return;
            }
            var captured = new ContentCachingResponseWrapper(response);
            runUnderSavepoint(cached, captured, chain);
            int status = captured.getStatus();
            if (status >= 500) {
                transactions.rollback(outer);
            } else {
                store(caller, key, fingerprint, captured);
                transactions.commit(outer);
            }
            captured.copyBodyToResponse();
        } catch (RuntimeException | IOException | ServletException e) {
            if (!outer.isCompleted()) {
                transactions.rollback(outer);
            }
            throw e;
        }
    }

    /** What became of the key: ours for this transaction, refused, or answered by an earlier request. */
    private sealed interface Claim {
        record Taken() implements Claim {}

        record Refused(CarebookException reason) implements Claim {}

        record Answered(StoredResponse response) implements Claim {}
    }

    private Claim claim(Caller caller, String key, byte[] fingerprint) {
        boolean locked = jdbc.sql(
                        "SELECT pg_try_advisory_xact_lock(('x' || substr(md5(:scope), 1, 16))::bit(64)::bigint)")
                .param(
                        "scope",
                        caller.tenant().organizationId() + "/"
                                + caller.tenant().mode().wire() + "/" + key)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return new Claim.Refused(CarebookException.conflict(
                    "idempotency_key_in_use", "A request with this Idempotency-Key is still running; retry shortly."));
        }
        var stored = jdbc.sql("""
                        SELECT fingerprint, status, content_type, body FROM idempotency_keys
                        WHERE organization_id = :org AND mode = :mode AND key = :key AND created_at > :since""")
                .param("org", caller.tenant().organizationId())
                .param("mode", caller.tenant().mode().wire())
                .param("key", key)
                .param("since", java.sql.Timestamp.from(clock.instant().minus(KEPT)))
                .query((rs, n) -> new StoredResponse(rs.getBytes(1), rs.getInt(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (stored.isEmpty()) {
            return new Claim.Taken();
        }
        if (!MessageDigest.isEqual(stored.get().fingerprint(), fingerprint)) {
            return new Claim.Refused(CarebookException.conflict(
                    "idempotency_key_reused", "This Idempotency-Key was already used with a different request."));
        }
        return new Claim.Answered(stored.get());
    }

    private void runUnderSavepoint(
            HttpServletRequest request, ContentCachingResponseWrapper response, FilterChain chain)
            throws IOException, ServletException {
        var nested = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
        TransactionStatus savepoint = transactions.getTransaction(nested);
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | IOException | ServletException e) {
            transactions.rollback(savepoint);
            throw e;
        }
        if (response.getStatus() >= 400) {
            transactions.rollback(savepoint);
        } else {
            transactions.commit(savepoint);
        }
    }

    private void store(Caller caller, String key, byte[] fingerprint, ContentCachingResponseWrapper response) {
        jdbc.sql("""
                        INSERT INTO idempotency_keys (organization_id, mode, key, fingerprint, status, content_type, body, created_at)
                        VALUES (:org, :mode, :key, :fingerprint, :status, :type, :body, :now)
                        ON CONFLICT (organization_id, mode, key) DO UPDATE
                        SET fingerprint = excluded.fingerprint, status = excluded.status,
                            content_type = excluded.content_type, body = excluded.body, created_at = excluded.created_at""")
                .param("org", caller.tenant().organizationId())
                .param("mode", caller.tenant().mode().wire())
                .param("key", key)
                .param("fingerprint", fingerprint)
                .param("status", response.getStatus())
                .param("type", response.getContentType())
                .param("body", response.getContentAsByteArray())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader("Idempotent-Replayed", "true");
        response.getOutputStream().write(stored.body());
        response.flushBuffer();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void pruneOldKeys() {
        jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :before")
                .param("before", java.sql.Timestamp.from(clock.instant().minus(PRUNED_AFTER)))
                .update();
    }

    static boolean validKey(String key) {
        if (key.isEmpty() || key.length() > 255) {
            return false;
        }
        return key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            digest.update(target.getBytes(StandardCharsets.UTF_8));
            return digest.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredResponse(byte[] fingerprint, int status, String contentType, byte[] body) {}
}
