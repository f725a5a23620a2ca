package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.catalog.AppointmentTypes;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic's settings: its appointment types (owners edit them) and each clinician's working hours (whoever
 * may change the catalogue edits them), through the same facades as the API. Staff who may change neither are
 * refused the page.
 */
@Controller
class SettingsPages {

    private static final PageRequest FIRST_HUNDRED = PageRequest.of("100", null);
    private static final Map<String, String> LABELS = Map.of(
            "name", "Name",
            "duration_minutes", "Length",
            "buffer_before_minutes", "Buffer before",
            "buffer_after_minutes", "Buffer after",
            "price", "Price",
            "modes", "Offered",
            "color", "Colour");

    private final AppointmentTypes types;
    private final Schedules schedules;
    private final Catalogue catalogue;
    private final Organizations organizations;
    private final Clock clock;

    SettingsPages(
            AppointmentTypes types,
            Schedules schedules,
            Catalogue catalogue,
            Organizations organizations,
            Clock clock) {
        this.types = types;
        this.schedules = schedules;
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** The index: the types with their colours, each location's schedules, and links to what else this role may set. */
    public record Settings(
            String root,
            String saved,
            boolean mayEditTypes,
            List<Type> types,
            List<Place> places,
            List<DayView.LocationChoice> locations,
            List<DayView.LocationChoice> clinicians,
            Links links) {}

    /** The other settings pages, each null for a role that may not open it. */
    public record Links(String organization, String keys, String webhooks) {}

    public record Type(String id, String name, String detail, String colour, boolean active) {}

    /** A location (or video) and the schedules there. */
    public record Place(String name, String clock, List<Schedule> schedules) {}

    public record Schedule(String id, String clinician, String hours) {}

    /** The type editor: where it posts, the fields, and what was wrong with the last try. */
    public record TypePage(
            String path, String back, String name, String currency, TypeForm form, List<String> problems) {}

    @GetMapping({"/console/settings", "/console/test/settings"})
    String index(Caller caller, @RequestParam(required = false) String saved, Model model) {
        if (!caller.has(Scope.WRITE_CATALOG) && !caller.has(Scope.WRITE_APPOINTMENT_TYPES)) {
            throw CarebookException.missingScope(Scope.WRITE_CATALOG);
        }
        var listed = types.list(caller, null, null, null, FIRST_HUNDRED).data().stream()
                .map(t -> new Type(t.id(), t.name(), detail(t), t.color(), t.isActive()))
                .toList();
        boolean catalog = caller.has(Scope.WRITE_CATALOG);
        String root = ConsolePaths.of(mode(caller)).root() + "/settings";
        model.addAttribute(
                "settings",
                new Settings(
                        root,
                        "hours".equals(saved) || "type".equals(saved) ? saved : null,
                        caller.has(Scope.WRITE_APPOINTMENT_TYPES),
                        listed,
                        catalog ? places(caller) : List.of(),
                        catalog
                                ? catalogue.locations(caller).stream()
                                        .map(Catalogue::choice)
                                        .toList()
                                : List.of(),
                        catalog
                                ? catalogue.clinicians(caller, null).stream()
                                        .map(c -> new DayView.LocationChoice(c.id(), c.name()))
                                        .toList()
                                : List.of(),
                        new Links(
                                caller.has(Scope.MANAGE_ORGANIZATION) ? root + "/organization" : null,
                                caller.has(Scope.MANAGE_API_KEYS) ? root + "/keys" : null,
                                caller.has(Scope.MANAGE_WEBHOOKS) ? root + "/webhooks" : null)));
        return "console/settings";
    }

    @GetMapping({"/console/settings/types/new", "/console/test/settings/types/new"})
    String newType(Caller caller, Model model) {
        Access.require(caller, Scope.WRITE_APPOINTMENT_TYPES);
        model.addAttribute("page", newTypePage(caller, TypeForm.blank(), List.of()));
        return "console/type";
    }

    @PostMapping({"/console/settings/types/new", "/console/test/settings/types/new"})
    String createType(
            Caller caller, @RequestParam Map<String, String> posted, Model model, HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_APPOINTMENT_TYPES);
        var form = TypeForm.read(posted);
        var problems = new Problems();
        try {
            var change = form.change(problems);
            problems.throwIfAny();
            types.create(caller.tenant(), change, problems);
            return "redirect:" + ConsolePaths.of(mode(caller)).root() + "/settings?saved=type";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("page", newTypePage(caller, form, FormText.allProblems(e, LABELS)));
            return "console/type";
        }
    }

    @GetMapping({"/console/settings/types/{id}", "/console/test/settings/types/{id}"})
    String type(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.WRITE_APPOINTMENT_TYPES);
        var type = types.get(caller.tenant(), id);
        model.addAttribute("page", typePage(caller, type, TypeForm.of(type), List.of()));
        return "console/type";
    }

    @PostMapping({"/console/settings/types/{id}", "/console/test/settings/types/{id}"})
    String saveType(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_APPOINTMENT_TYPES);
        var type = types.get(caller.tenant(), id);
        var form = TypeForm.read(posted);
        var problems = new Problems();
        try {
            var change = form.change(problems);
            problems.throwIfAny();
            types.update(caller.tenant(), id, change, problems);
            return "redirect:" + ConsolePaths.of(mode(caller)).root() + "/settings?saved=type";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute("page", typePage(caller, type, form, FormText.allProblems(e, LABELS)));
            return "console/type";
        }
    }

    private TypePage typePage(Caller caller, AppointmentTypeView type, TypeForm form, List<String> problems) {
        String root = ConsolePaths.of(mode(caller)).root();
        return new TypePage(
                root + "/settings/types/" + type.id(),
                root + "/settings",
                type.name(),
                type.currency(),
                form,
                problems);
    }

    private TypePage newTypePage(Caller caller, TypeForm form, List<String> problems) {
        String root = ConsolePaths.of(mode(caller)).root();
        String currency = organizations.settings(caller.tenant()).currency();
        return new TypePage(
                root + "/settings/types/new", root + "/settings", "New appointment type", currency, form, problems);
    }

    private List<Place> places(Caller caller) {
        var all = schedules.list(caller.tenant(), null, null, FIRST_HUNDRED).data().stream()
                .filter(ScheduleView::isActive)
                .toList();
        // The clinicians' names in one read; one made inactive since is looked up on its own.
        var names = new HashMap<String, String>();
        catalogue.clinicians(caller, null).forEach(c -> names.put(c.id(), c.name()));
        Function<ScheduleView, Schedule> row = s -> new Schedule(
                s.id(),
                names.computeIfAbsent(
                        s.clinicianId(), c -> catalogue.clinician(caller, c).name()),
                HoursSummary.of(s.weeklyHours()));
        var places = new ArrayList<Place>();
        for (var location : catalogue.locations(caller)) {
            var here = all.stream()
                    .filter(s -> location.id().equals(s.locationId()))
                    .map(row)
                    .toList();
            if (!here.isEmpty()) {
                places.add(new Place(
                        location.name(), HoursPages.clock(ZoneId.of(location.timezone()), clock.instant()), here));
            }
        }
        var video = all.stream().filter(ScheduleView::isRemote).map(row).toList();
        if (!video.isEmpty()) {
            places.add(new Place("Video", "each in its own time zone", video));
        }
        return places;
    }

    private static String detail(AppointmentTypeView type) {
        return type.durationMinutes() + " min" + (type.allowOnlineBooking() ? " · online" : "")
                + (type.requiresApproval() ? " · needs approval" : "");
    }

    private static String mode(Caller caller) {
        return caller.tenant().mode().wire();
    }
}
