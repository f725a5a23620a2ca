package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.carebook.fhir.SlotPublishing;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.organization.Organizations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organization's rules for owners, through the same {@link Organizations#update} as the API, and whether its
 * live free times are published to directories (live only, as the API says).
 */
@Controller
class OrganizationPages {

    private static final Map<String, String> LABELS = Map.of(
            "phone", "Phone",
            "hold_ttl_minutes", "Hold a time for",
            "reminder_hours_before", "Reminders",
            "sms_countries", "SMS to",
            "cancel_notice_hours", "Cancel up to",
            "reschedule_notice_hours", "Reschedule up to",
            "max_reschedules", "Reschedules per booking",
            "max_active_bookings_per_patient", "Bookings to come per patient",
            "approval_window_hours", "Approve within",
            "waitlist_offer_minutes", "Waitlist offers kept for");

    private final Organizations organizations;
    private final SlotPublishing publishing;

    OrganizationPages(Organizations organizations, SlotPublishing publishing) {
        this.organizations = organizations;
        this.publishing = publishing;
    }

    /** The page: the form, what was wrong with it, and the publication (null in test mode, which never publishes). */
    public record OrganizationPage(
            String path,
            String back,
            String name,
            String saved,
            OrganizationForm form,
            List<String> problems,
            Publication publication) {}

    public record Publication(String path, boolean published, String bookingPage, String problem) {}

    @GetMapping({"/console/settings/organization", "/console/test/settings/organization"})
    String page(Caller caller, @RequestParam(required = false) String saved, Model model) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        var organization = organizations.get(caller.tenant().organizationId());
        model.addAttribute(
                "page",
                page(caller, saved, OrganizationForm.of(organization), List.of(), publication(caller, null, null)));
        return "console/organization";
    }

    @PostMapping({"/console/settings/organization", "/console/test/settings/organization"})
    String save(Caller caller, @RequestParam Map<String, String> posted, Model model, HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        var form = OrganizationForm.read(posted);
        var problems = new Problems();
        try {
            var change = form.change(problems);
            problems.throwIfAny();
            organizations.update(caller.tenant(), change, problems);
            return "redirect:" + root(caller) + "?saved=rules";
        } catch (CarebookException e) {
            if (e.status() != 422) {
                throw e;
            }
            response.setStatus(422);
            model.addAttribute(
                    "page", page(caller, null, form, FormText.allProblems(e, LABELS), publication(caller, null, null)));
            return "console/organization";
        }
    }

    /** Publishes (with the booking page given, if any) or withdraws the live free times. */
    @PostMapping("/console/settings/publication")
    String publish(
            Caller caller,
            @RequestParam String action,
            @RequestParam(required = false) String bookingPage,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_ORGANIZATION);
        if ("withdraw".equals(action)) {
            publishing.withdraw(caller);
            return "redirect:" + root(caller) + "?saved=withdrawn";
        }
        String page = FormText.given(bookingPage);
        if (page != null && !SlotPublishing.isWebAddress(page)) {
            response.setStatus(422);
            var organization = organizations.get(caller.tenant().organizationId());
            model.addAttribute(
                    "page",
                    page(
                            caller,
                            null,
                            OrganizationForm.of(organization),
                            List.of(),
                            publication(caller, page, "Booking page: must be an http or https address")));
            return "console/organization";
        }
        publishing.publish(caller, page);
        return "redirect:" + root(caller) + "?saved=published";
    }

    private OrganizationPage page(
            Caller caller, String saved, OrganizationForm form, List<String> problems, Publication publication) {
        return new OrganizationPage(
                root(caller),
                ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings",
                organizations.get(caller.tenant().organizationId()).name(),
                saved == null || !List.of("rules", "published", "withdrawn").contains(saved) ? null : saved,
                form,
                problems,
                publication);
    }

    private Publication publication(Caller caller, String typed, String problem) {
        if (caller.tenant().mode() != Mode.LIVE) {
            return null;
        }
        var now = publishing.get(caller);
        return new Publication(
                "/console/settings/publication",
                now.published(),
                typed != null ? typed : FormText.shown(now.bookingPageUrl()),
                problem);
    }

    private static String root(Caller caller) {
        return ConsolePaths.of(caller.tenant().mode().wire()).root() + "/settings/organization";
    }
}
