package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.catalog.LocationDraft;
import org.carebook.catalog.LocationView;
import org.carebook.catalog.Locations;
import org.carebook.catalog.RoomDraft;
import org.carebook.kernel.Address;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A location's details and its rooms, through the same {@link Locations} as the API: rooms are added, renamed,
 * taken out of use and brought back. Taking away a room with bookings still to come lists them and asks again;
 * they keep their room.
 */
@Controller
class LocationPages {

    private static final Set<String> DETAILS = Set.of(
            "name",
            "phone",
            "address",
            "address.line1",
            "address.line2",
            "address.city",
            "address.state",
            "address.postcode");
    private static final Map<String, String> LABELS = Map.of("name", "Name", "phone", "Phone");

    private final Locations locations;
    private final StrandedAppointments stranded;

    LocationPages(Locations locations, StrandedAppointments stranded) {
        this.locations = locations;
        this.stranded = stranded;
    }

    /** The page: the location as typed, its rooms, and a room whose removal waits for a second yes. */
    public record LocationPage(
            String path,
            String back,
            String saved,
            Details details,
            List<LocationView.RoomView> rooms,
            List<String> problems,
            Removal removal) {}

    public record Details(
            String name, String phone, String line1, String line2, String city, String state, String postcode) {}

    public record Removal(String roomId, String room, List<StrandedAppointments.Stranded> stranded) {}

    @GetMapping({"/console/settings/locations/{id}", "/console/test/settings/locations/{id}"})
    String page(Caller caller, @PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var location = locations.get(caller.tenant(), id);
        model.addAttribute("page", page(caller, location, saved, details(location), List.of(), null));
        return "console/location";
    }

    @PostMapping({"/console/settings/locations/{id}", "/console/test/settings/locations/{id}"})
    String save(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var typed = new Details(
                FormText.shown(posted.get("name")),
                FormText.shown(posted.get("phone")),
                FormText.shown(posted.get("line1")),
                FormText.shown(posted.get("line2")),
                FormText.shown(posted.get("city")),
                FormText.shown(posted.get("state")),
                FormText.shown(posted.get("postcode")));
        var address = new Address(
                FormText.given(typed.line1()),
                FormText.given(typed.line2()),
                FormText.given(typed.city()),
                FormText.given(typed.state()),
                FormText.given(typed.postcode()),
                null);
        var draft = new LocationDraft(FormText.given(typed.name()), null, address, FormText.given(typed.phone()), null);
        return attempt(
                caller,
                id,
                typed,
                model,
                response,
                () -> locations.update(caller.tenant(), id, new Change<>(draft, DETAILS), new Problems()),
                "details");
    }

    @PostMapping({"/console/settings/locations/{id}/rooms", "/console/test/settings/locations/{id}/rooms"})
    String addRoom(
            Caller caller,
            @PathVariable String id,
            @RequestParam(required = false) String name,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        String room = FormText.given(name);
        return attempt(
                caller,
                id,
                null,
                model,
                response,
                () -> {
                    var problems = new Problems();
                    problems.requireText("name", room);
                    problems.throwIfAny();
                    locations.addRoom(caller.tenant(), id, room);
                },
                "room");
    }

    /** Renames a room, takes it out of use (asking again over bookings to come) or brings it back. */
    @PostMapping({"/console/settings/locations/{id}/rooms/{room}", "/console/test/settings/locations/{id}/rooms/{room}"
    })
    String room(
            Caller caller,
            @PathVariable String id,
            @PathVariable String room,
            @RequestParam String action,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String confirm,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var location = locations.get(caller.tenant(), id);
        if ("remove".equals(action) && confirm == null) {
            var inRoom = stranded.inRoom(caller, location, room);
            if (!inRoom.isEmpty()) {
                String roomName = location.rooms().stream()
                        .filter(r -> r.id().equals(room))
                        .map(LocationView.RoomView::name)
                        .findFirst()
                        .orElseThrow(() -> CarebookException.notFound("No such room."));
                response.setStatus(409);
                model.addAttribute(
                        "page",
                        page(
                                caller,
                                location,
                                null,
                                details(location),
                                List.of(),
                                new Removal(room, roomName, inRoom)));
                return "console/location";
            }
        }
        var change = switch (action) {
            case "rename" -> new Change<>(new RoomDraft(FormText.given(name), null), Set.of("name"));
            case "remove" -> new Change<>(new RoomDraft(null, false), Set.of("isActive"));
            case "restore" -> new Change<>(new RoomDraft(null, true), Set.of("isActive"));
            default -> throw CarebookException.invalidField("action", "must be rename, remove or restore");
        };
        return attempt(
                caller,
                id,
                null,
                model,
                response,
                () -> locations.updateRoom(caller.tenant(), id, room, change, new Problems()),
                "room");
    }

    /** Makes the change and goes back to the page, or shows the page again with what was wrong. */
    private String attempt(
            Caller caller,
            String id,
            Details typed,
            Model model,
            HttpServletResponse response,
            Runnable change,
            String saved) {
        try {
            change.run();
            return "redirect:" + root(caller) + "/" + id + "?saved=" + saved;
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            var location = locations.get(caller.tenant(), id);
            model.addAttribute(
                    "page",
                    page(
                            caller,
                            location,
                            null,
                            typed != null ? typed : details(location),
                            FormText.allProblems(e, LABELS),
                            null));
            return "console/location";
        }
    }

    private LocationPage page(
            Caller caller,
            LocationView location,
            String saved,
            Details details,
            List<String> problems,
            Removal removal) {
        return new LocationPage(
                root(caller) + "/" + location.id(),
                ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings",
                "details".equals(saved) || "room".equals(saved) ? saved : null,
                details,
                location.rooms(),
                problems,
                removal);
    }

    private static Details details(LocationView location) {
        var address = location.address() == null ? Address.EMPTY : location.address();
        return new Details(
                location.name(),
                FormText.shown(location.phone()),
                FormText.shown(address.line1()),
                FormText.shown(address.line2()),
                FormText.shown(address.city()),
                FormText.shown(address.state()),
                FormText.shown(address.postcode()));
    }

    private static String root(Caller caller) {
        return ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/locations";
    }
}
