package org.carebook.organization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.Mode;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys. Only a SHA-256 of each key is stored: keys are 190 random bits, so a fast hash is as
 * safe as a slow one and keeps authentication to one indexed lookup per request.
 */
@Service
public class ApiKeys {

    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Clock clock;

    ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * The caller a key stands for; empty for an unknown or revoked key. No transaction: one read, and at
     * most once a minute one idempotent update, each on its own (every request pays for this).
     */
    public Optional<Caller> authenticate(String key) {
        byte[] hash = sha256(key);
        var found = repository
                .findByHash(hash)
                .filter(row -> MessageDigest.isEqual(row.sha256(), hash))
                .filter(row -> row.revokedAt() == null);
        found.ifPresent(this::touch);
        return found.map(row -> new Caller(
                row.id(),
                kind(row),
                new Tenant(row.organizationId(), row.mode()),
                scopes(row),
                row.allowedOrigins(),
                null,
                null));
    }

    @Transactional(readOnly = true)
    public boolean isOriginAllowedByAnyKey(String origin) {
        return repository.anyActiveKeyAllows(origin);
    }

    @Transactional
    ApiKeyView create(Caller caller, ApiKeyDraft draft) {
        return issue(caller.tenant(), draft, clock.instant());
    }

    @Transactional(readOnly = true)
    public ListPage<ApiKeyView> list(Tenant tenant, PageRequest page) {
        return ListPage.of(
                repository.page(tenant, page),
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                r -> view(r, null));
    }

    @Transactional
    public ApiKeyView revoke(Tenant tenant, String id) {
        var row = repository.find(tenant, id).orElseThrow(() -> CarebookException.notFound("No such API key."));
        repository.revoke(row.id(), clock.instant());
        return view(repository.find(tenant, id).orElseThrow(), null);
    }

    List<ApiKeyView> createInitialKeys(String organizationId, Instant now) {
        var keys = new ArrayList<ApiKeyView>();
        for (Mode mode : Mode.values()) {
            var tenant = new Tenant(organizationId, mode);
            keys.add(issue(
                    tenant,
                    new ApiKeyDraft("Default secret key", KeyKind.SECRET, List.copyOf(scopesIn(mode)), List.of()),
                    now));
            keys.add(issue(
                    tenant,
                    new ApiKeyDraft(
                            "Default publishable key", KeyKind.PUBLISHABLE, List.copyOf(Scope.PUBLISHABLE), List.of()),
                    now));
        }
        return keys;
    }

    /** Creates a publishable key for the given origins, for set-ups such as the demo clinic's widget. */
    @Transactional
    public ApiKeyView createPublishableKey(Tenant tenant, String name, List<String> allowedOrigins) {
        return issue(
                tenant,
                new ApiKeyDraft(name, KeyKind.PUBLISHABLE, List.copyOf(Scope.PUBLISHABLE), allowedOrigins),
                clock.instant());
    }

    /** A publishable key made by staff in the console: a name and the origins of the pages that use it. */
    @Transactional
    public ApiKeyView createPublishableKey(Caller caller, String name, List<String> typedOrigins, Problems problems) {
        problems.requireText("name", name);
        var origins = ApiKeyDraft.origins(typedOrigins);
        ApiKeyDraft.checkOrigins(origins, problems);
        problems.throwIfAny();
        return issue(
                caller.tenant(),
                new ApiKeyDraft(name, KeyKind.PUBLISHABLE, List.copyOf(Scope.PUBLISHABLE), origins),
                clock.instant());
    }

    private ApiKeyView issue(Tenant tenant, ApiKeyDraft draft, Instant now) {
        String prefix =
                (draft.kind() == KeyKind.SECRET ? "sk_" : "pk_") + tenant.mode().wire() + "_";
        String key = prefix + Ids.random(32);
        var row = new ApiKeyRepository.Row(
                Ids.next("key"),
                tenant.organizationId(),
                tenant.mode(),
                draft.kind().wire(),
                draft.name(),
                prefix,
                key.substring(key.length() - 4),
                sha256(key),
                draft.scopes().stream().map(Scope::wire).toList(),
                draft.allowedOrigins(),
                now,
                null,
                null);
        repository.insert(row);
        return view(row, key);
    }

    private void touch(ApiKeyRepository.Row row) {
        Instant now = clock.instant();
        if (row.lastUsedAt() == null || row.lastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
            repository.touch(row.id(), now);
        }
    }

    private static ApiKeyView view(ApiKeyRepository.Row row, String fullKey) {
        String shown = fullKey != null ? fullKey : row.prefix() + "****" + row.last4();
        return new ApiKeyView(
                row.id(),
                row.name(),
                row.kind(),
                row.mode().wire(),
                shown,
                row.scopes(),
                row.allowedOrigins(),
                row.revokedAt() == null,
                row.createdAt(),
                row.lastUsedAt(),
                row.revokedAt());
    }

    private static KeyKind kind(ApiKeyRepository.Row row) {
        return "publishable".equals(row.kind()) ? KeyKind.PUBLISHABLE : KeyKind.SECRET;
    }

    /** A test-mode key never holds what only live keys may hold, whatever its row says. */
    private static Set<Scope> scopes(ApiKeyRepository.Row row) {
        if ("publishable".equals(row.kind())) {
            return Scope.PUBLISHABLE;
        }
        return row.scopes().stream()
                .map(Scope::fromWire)
                .flatMap(Optional::stream)
                .filter(scopesIn(row.mode())::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    private static Set<Scope> scopesIn(Mode mode) {
        return mode == Mode.LIVE ? EnumSet.allOf(Scope.class) : Scope.TEST_MODE;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
