package org.carebook.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Records events with the changes they report, lists them, and forgets them after 30 days. */
@Service
public class EventLog {

    static final Duration KEPT = Duration.ofDays(30);

    private final Set<String> types;
    private final EventRepository repository;
    private final ApplicationEventPublisher publisher;
    private final JsonMapper json;
    private final Clock clock;

    EventLog(
            List<EventFamily> families,
            EventRepository repository,
            ApplicationEventPublisher publisher,
            JsonMapper json,
            Clock clock) {
        this.types = families.stream().flatMap(f -> f.types().stream()).collect(Collectors.toUnmodifiableSet());
        this.repository = repository;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records the event and tells the listeners. Only inside the transaction of the change: if it rolls
     * back, the event never happened.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventView record(DomainEvent event) {
        String id = Ids.next("evt");
        Instant at = clock.instant();
        JsonNode data = json.valueToTree(event.object());
        var actor = new EventView.Actor(event.actor().kind(), event.actor().id());
        Integer sequence = repository.insert(event.tenant(), id, event.type(), at, data, event.appointmentId(), actor);
        var view = new EventView(id, event.type(), at, sequence, actor, new EventView.Data(data));
        publisher.publishEvent(new EventRecorded(event, view));
        return view;
    }

    /** Whether some module records events of this type. */
    public boolean isType(String type) {
        return types.contains(type);
    }

    /** Every event type some module records, in alphabetical order. */
    public List<String> types() {
        return types.stream().sorted().toList();
    }

    /** How many events an appointment has had: the last one's sequence, or 0. */
    @Transactional(readOnly = true)
    public int sequence(String appointmentId) {
        return repository.lastSequence(appointmentId);
    }

    @Transactional(readOnly = true)
    public ListPage<EventView> list(Caller caller, String type, String since, PageRequest page) {
        if (type != null && !type.isEmpty() && !types.contains(type)) {
            throw CarebookException.invalidField("type", "is not an event type");
        }
        var rows = repository.page(caller.tenant(), type == null || type.isEmpty() ? null : type, instant(since), page);
        return ListPage.of(rows, page, e -> new PageRequest.Position(e.createdAt(), e.id()), e -> e);
    }

    /** Deletes events past their 30 days; their webhook deliveries go with them. */
    @Transactional
    public int prune() {
        return repository.deleteOlderThan(clock.instant().minus(KEPT));
    }

    private static Instant instant(String since) {
        if (since == null || since.isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(since).toInstant();
        } catch (DateTimeParseException e) {
            throw CarebookException.invalidField("since", "must be an RFC 3339 time such as 2027-03-15T09:00:00Z");
        }
    }
}
