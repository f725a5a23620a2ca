package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carebook.calendar.CalendarFeeds;
import org.carebook.catalog.ClinicianDraft;
import org.carebook.catalog.ClinicianView;
import org.carebook.catalog.Clinicians;
import org.carebook.catalog.ScheduleDraft;
import org.carebook.catalog.ScheduleView;
import org.carebook.catalog.Schedules;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Change;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Clinicians, through the same {@link Clinicians} as the API: a new one, their details, whether they still see
 * patients, and where they work (a schedule per location, whose week is then set in the week editor).
 */
@Controller
class ClinicianPages {

    private static final PageRequest FIRST_HUNDRED = PageRequest.of("100", null);
    private static final Set<String> GIVES = Set.of("name", "title", "specialty", "email", "phone", "isActive");
    private static final Map<String, String> LABELS =
            Map.of("name", "Name", "email", "E-mail", "phone", "Phone", "title", "Title", "specialty", "Specialty");

    private final Clinicians clinicians;
    private final Schedules schedules;
    private final Catalogue catalogue;
    private final CalendarFeeds feeds;

    ClinicianPages(Clinicians clinicians, Schedules schedules, Catalogue catalogue, CalendarFeeds feeds) {
        this.clinicians = clinicians;
        this.schedules = schedules;
        this.catalogue = catalogue;
        this.feeds = feeds;
    }

    /** The page: where it posts, the fields, where they work (not for a new one) and what was wrong. */
    public record ClinicianPage(
            String path,
            String back,
            String heading,
            boolean saved,
            Fields fields,
            List<Workplace> workplaces,
            List<DayView.LocationChoice> elsewhere,
            List<String> problems,
            String subscription) {

        ClinicianPage withSaved() {
            return new ClinicianPage(path, back, heading, true, fields, workplaces, elsewhere, problems, subscription);
        }

        ClinicianPage withSubscription(String url) {
            return new ClinicianPage(path, back, heading, saved, fields, workplaces, elsewhere, problems, url);
        }
    }

    public record Fields(String name, String title, String specialty, String email, String phone, boolean active) {}

    public record Workplace(String place, String hoursPath) {}

    @GetMapping({"/console/settings/clinicians/new", "/console/test/settings/clinicians/new"})
    String blank(Caller caller, Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        model.addAttribute("page", page(caller, null, new Fields("", "", "", "", "", true), List.of()));
        return "console/clinician";
    }

    @PostMapping({"/console/settings/clinicians/new", "/console/test/settings/clinicians/new"})
    String create(Caller caller, @RequestParam Map<String, String> posted, Model model, HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var fields = read(posted);
        try {
            var made = clinicians.create(caller.tenant(), change(fields), new Problems());
            return "redirect:" + root(caller) + "/" + made.id() + "?saved";
        } catch (CarebookException e) {
            return refused(e, caller, null, fields, model, response);
        }
    }

    @GetMapping({"/console/settings/clinicians/{id}", "/console/test/settings/clinicians/{id}"})
    String page(Caller caller, @PathVariable String id, @RequestParam(required = false) String saved, Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var clinician = clinicians.get(caller.tenant(), id);
        var page = page(caller, clinician, fields(clinician), List.of());
        model.addAttribute("page", saved == null ? page : page.withSaved());
        return "console/clinician";
    }

    @PostMapping({"/console/settings/clinicians/{id}", "/console/test/settings/clinicians/{id}"})
    String save(
            Caller caller,
            @PathVariable String id,
            @RequestParam Map<String, String> posted,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var clinician = clinicians.get(caller.tenant(), id);
        var fields = read(posted);
        try {
            clinicians.update(caller.tenant(), id, change(fields), new Problems());
            return "redirect:" + root(caller) + "/" + id + "?saved";
        } catch (CarebookException e) {
            return refused(e, caller, clinician, fields, model, response);
        }
    }

    /** A calendar subscription of the clinician's appointments; its address is shown this once. */
    @PostMapping({"/console/settings/clinicians/{id}/calendar", "/console/test/settings/clinicians/{id}/calendar"})
    String subscribe(Caller caller, @PathVariable String id, Model model) {
        Access.require(caller, Scope.WRITE_CATALOG);
        Access.require(caller, Scope.READ_APPOINTMENTS); // what the API asks of whoever makes a subscription
        var clinician = clinicians.get(caller.tenant(), id);
        var feed = feeds.create(caller, id, null, new Problems());
        model.addAttribute(
                "page", page(caller, clinician, fields(clinician), List.of()).withSubscription(feed.url()));
        return "console/clinician";
    }

    /** A schedule at a location, with no hours yet; the week editor opens on it. */
    @PostMapping({"/console/settings/clinicians/{id}/schedules", "/console/test/settings/clinicians/{id}/schedules"})
    String addSchedule(Caller caller, @PathVariable String id, @RequestParam String location) {
        Access.require(caller, Scope.WRITE_CATALOG);
        var schedule = schedules.create(caller.tenant(), ScheduleDraft.emptyAt(id, location), new Problems());
        return "redirect:" + ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/hours/" + schedule.id();
    }

    private String refused(
            CarebookException e,
            Caller caller,
            ClinicianView clinician,
            Fields fields,
            Model model,
            HttpServletResponse response) {
        if (e.status() != 422) {
            throw e;
        }
        response.setStatus(422);
        model.addAttribute("page", page(caller, clinician, fields, FormText.allProblems(e, LABELS)));
        return "console/clinician";
    }

    private ClinicianPage page(Caller caller, ClinicianView clinician, Fields fields, List<String> problems) {
        String back = ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings";
        if (clinician == null) {
            return new ClinicianPage(
                    root(caller) + "/new", back, "New clinician", false, fields, null, List.of(), problems, null);
        }
        var theirs = schedules.list(caller.tenant(), clinician.id(), null, FIRST_HUNDRED).data().stream()
                .filter(ScheduleView::isActive)
                .toList();
        var places = catalogue.locations(caller);
        var workplaces = theirs.stream()
                .map(s -> new Workplace(
                        s.isRemote()
                                ? "Video"
                                : places.stream()
                                        .filter(l -> l.id().equals(s.locationId()))
                                        .map(l -> l.name())
                                        .findFirst()
                                        .orElse("A location no longer in use"),
                        back + "/hours/" + s.id()))
                .toList();
        var elsewhere = places.stream()
                .filter(l -> theirs.stream().noneMatch(s -> l.id().equals(s.locationId())))
                .map(Catalogue::choice)
                .toList();
        return new ClinicianPage(
                root(caller) + "/" + clinician.id(),
                back,
                clinician.name(),
                false,
                fields,
                workplaces,
                elsewhere,
                problems,
                null);
    }

    private static Fields read(Map<String, String> posted) {
        return new Fields(
                FormText.shown(posted.get("name")),
                FormText.shown(posted.get("title")),
                FormText.shown(posted.get("specialty")),
                FormText.shown(posted.get("email")),
                FormText.shown(posted.get("phone")),
                posted.containsKey("active"));
    }

    private static Fields fields(ClinicianView clinician) {
        return new Fields(
                clinician.name(),
                FormText.shown(clinician.title()),
                FormText.shown(clinician.specialty()),
                FormText.shown(clinician.email()),
                FormText.shown(clinician.phone()),
                clinician.isActive());
    }

    private static Change<ClinicianDraft> change(Fields fields) {
        return new Change<>(
                new ClinicianDraft(
                        FormText.given(fields.name()),
                        FormText.given(fields.title()),
                        FormText.given(fields.specialty()),
                        FormText.given(fields.email()),
                        FormText.given(fields.phone()),
                        fields.active(),
                        null,
                        null),
                GIVES);
    }

    private static String root(Caller caller) {
        return ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/clinicians";
    }
}
