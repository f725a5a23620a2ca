package org.carebook.catalog;

import java.time.Clock;
import java.util.List;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Ids;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Tenant;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Locations (offices, clinics) with their IANA time zone and rooms. */
@Service
public class Locations {

    private final LocationRepository repository;
    private final Organizations organizations;
    private final Clock clock;

    Locations(LocationRepository repository, Organizations organizations, Clock clock) {
        this.repository = repository;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Transactional
    public LocationView create(Tenant tenant, Change<LocationDraft> request, Problems problems) {
        var draft = checked(tenant, request.over(LocationDraft.EMPTY), problems);
        String id = Ids.next("loc");
        repository.insert(tenant, id, draft, clock.instant());
        return get(tenant, id);
    }

    @Transactional(readOnly = true)
    public LocationView get(Tenant tenant, String id) {
        return view(row(tenant, id, false), repository.roomsOf(List.of(id)).getOrDefault(id, List.of()));
    }

    @Transactional(readOnly = true)
    public ListPage<LocationView> list(Tenant tenant, Boolean active, PageRequest page) {
        var rows = repository.page(tenant, active, page);
        var rooms =
                repository.roomsOf(rows.stream().map(LocationRepository.Row::id).toList());
        return ListPage.of(
                rows,
                page,
                r -> new PageRequest.Position(r.createdAt(), r.id()),
                r -> view(r, rooms.getOrDefault(r.id(), List.of())));
    }

    @Transactional
    public LocationView update(Tenant tenant, String id, Change<LocationDraft> change, Problems problems) {
        var current = row(tenant, id, true);
        repository.update(id, checked(tenant, change.over(current.draft()), problems), clock.instant());
        return get(tenant, id);
    }

    /** Locations are deactivated, never removed: appointments and history keep pointing at them. */
    @Transactional
    public LocationView deactivate(Tenant tenant, String id) {
        row(tenant, id, true);
        repository.deactivate(id, clock.instant());
        return get(tenant, id);
    }

    @Transactional
    public LocationView.RoomView addRoom(Tenant tenant, String locationId, String name) {
        row(tenant, locationId, true);
        String id = Ids.next("room");
        repository.insertRoom(tenant, locationId, id, name, clock.instant());
        return repository.findRoom(locationId, id).orElseThrow();
    }

    @Transactional
    public LocationView.RoomView updateRoom(
            Tenant tenant, String locationId, String roomId, Change<RoomDraft> change, Problems problems) {
        var current = room(tenant, locationId, roomId);
        var room = change.over(new RoomDraft(current.name(), current.isActive()));
        problems.requireText("name", room.name());
        problems.require("isActive", room.isActive());
        problems.throwIfAny();
        repository.updateRoom(roomId, room.name(), room.isActive(), clock.instant());
        return repository.findRoom(locationId, roomId).orElseThrow();
    }

    /** Rooms are deactivated, never removed: appointments keep pointing at them. */
    @Transactional
    public LocationView.RoomView deactivateRoom(Tenant tenant, String locationId, String roomId) {
        var current = room(tenant, locationId, roomId);
        repository.updateRoom(roomId, current.name(), false, clock.instant());
        return repository.findRoom(locationId, roomId).orElseThrow();
    }

    private LocationView.RoomView room(Tenant tenant, String locationId, String roomId) {
        row(tenant, locationId, true);
        return repository.findRoom(locationId, roomId).orElseThrow(() -> CarebookException.notFound("No such room."));
    }

    private LocationRepository.Row row(Tenant tenant, String id, boolean forUpdate) {
        return repository
                .find(tenant, id, forUpdate)
                .orElseThrow(() -> CarebookException.notFound("No such location."));
    }

    private static LocationView view(LocationRepository.Row row, List<LocationView.RoomView> rooms) {
        LocationDraft d = row.draft();
        return new LocationView(
                row.id(),
                d.name(),
                d.timezone(),
                d.address(),
                d.phone(),
                row.active(),
                rooms,
                d.externalIds(),
                row.createdAt(),
                row.updatedAt());
    }

    private LocationDraft checked(Tenant tenant, LocationDraft draft, Problems problems) {
        var checked = draft.checked(organizations.settings(tenant).country(), problems);
        problems.throwIfAny();
        return checked;
    }
}
