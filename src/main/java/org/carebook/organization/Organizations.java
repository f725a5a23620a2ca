package org.carebook.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations: created by the platform admin, configured by their own keys. */
@Service
public class Organizations {

    private final OrganizationRepository repository;
    private final ApiKeys apiKeys;
    private final OrganizationDefaults properties;
    private final Clock clock;

    Organizations(OrganizationRepository repository, ApiKeys apiKeys, OrganizationDefaults properties, Clock clock) {
        this.repository = repository;
        this.apiKeys = apiKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new organization with a secret and a publishable key for each mode, shown in full only here. */
    @Transactional
    public CreatedOrganization create(Change<OrganizationDraft> request, Problems problems) {
        var draft = request.over(OrganizationDraft.EMPTY);
        draft.check(problems);
        problems.throwIfAny();
        Instant now = clock.instant();
        String id = Ids.next("org");
        repository.insert(id, draft, now);
        List<ApiKeyView> keys = apiKeys.createInitialKeys(id, now);
        return new CreatedOrganization(view(repository.find(id, false).orElseThrow()), keys);
    }

    @Transactional(readOnly = true)
    public OrganizationView get(String id) {
        return repository
                .find(id, false)
                .map(this::view)
                .orElseThrow(() -> CarebookException.notFound("No such organization."));
    }

    @Transactional(readOnly = true)
    public ListPage<OrganizationView> list(PageRequest page) {
        return ListPage.of(
                repository.page(page), page, r -> new PageRequest.Position(r.createdAt(), r.id()), this::view);
    }

    @Transactional
    public OrganizationView update(Tenant tenant, Change<OrganizationDraft> change, Problems problems) {
        var current = repository
                .find(tenant.organizationId(), true)
                .orElseThrow(() -> CarebookException.notFound("No such organization."));
        var draft = change.over(current.draft());
        draft.check(problems);
        problems.throwIfAny();
        repository.update(current.id(), draft, clock.instant());
        return get(current.id());
    }

    @Transactional(readOnly = true)
    public OrganizationSettings settings(Tenant tenant) {
        var row = repository
                .find(tenant.organizationId(), false)
                .orElseThrow(() -> CarebookException.notFound("No such organization."));
        OrganizationDraft d = row.draft();
        Duration ttl = d.holdTtlMinutes() == null ? properties.holdTtl() : Duration.ofMinutes(d.holdTtlMinutes());
        return new OrganizationSettings(
                row.id(),
                d.name(),
                ZoneId.of(d.timezone()),
                d.country(),
                d.currency(),
                ttl,
                d.reminderHoursBefore(),
                smsCountries(d),
                d.phone(),
                d.changeRules(),
                d.maxActiveBookingsPerPatient(),
                d.approveNewPatients(),
                Duration.ofHours(d.approvalWindowHours()),
                Duration.ofMinutes(d.waitlistOfferMinutes()),
                d.calendarFeedNames());
    }

    private OrganizationView view(OrganizationRepository.Row row) {
        OrganizationDraft d = row.draft();
        int ttl = d.holdTtlMinutes() != null
                ? d.holdTtlMinutes()
                : (int) Math.max(1, (properties.holdTtl().toSeconds() + 59) / 60);
        return new OrganizationView(
                row.id(),
                d.name(),
                d.timezone(),
                d.country(),
                d.currency(),
                ttl,
                d.reminderHoursBefore(),
                smsCountries(d),
                d.phone(),
                d.changeRules(),
                d.maxActiveBookingsPerPatient(),
                d.approveNewPatients(),
                d.approvalWindowHours(),
                d.waitlistOfferMinutes(),
                d.calendarFeedNames(),
                row.createdAt(),
                row.updatedAt());
    }

    /** SMS goes only to numbers of the listed countries; by default, the organization's own (SMS pumping). */
    private static List<String> smsCountries(OrganizationDraft d) {
        return d.smsCountries() == null ? List.of(d.country()) : d.smsCountries();
    }

    public record CreatedOrganization(
            @com.fasterxml.jackson.annotation.JsonUnwrapped OrganizationView organization, List<ApiKeyView> apiKeys) {}
}
