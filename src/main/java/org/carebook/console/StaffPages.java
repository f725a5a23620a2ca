package org.carebook.console;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.carebook.staff.ChangeStaff;
import org.carebook.staff.InviteStaff;
import org.carebook.staff.StaffMember;
import org.carebook.staff.StaffMembers;
import org.carebook.staff.StaffRole;
import org.carebook.staff.StaffStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Staff page, for those who may manage staff (owners): who is on the staff, invite someone, change a role,
 * disable, enable or remove. Through {@link StaffMembers}, so the same rules hold as for the API: nobody grants
 * more than they hold, one owner always stays, and every change is audited and told to the owners. Live only:
 * staff are real people in both modes.
 */
@Controller
class StaffPages {

    private static final Map<String, String> LABELS =
            Map.of("email", "E-mail", "name", "Name", "role", "Role", "clinician_id", "Clinician");

    /** An address as a form gives it; the mail server has the last word. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StaffMembers staff;
    private final Catalogue catalogue;
    private final MessageSource messages;

    StaffPages(StaffMembers staff, Catalogue catalogue, MessageSource messages) {
        this.staff = staff;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** What the page shows: the staff, the roles this caller may give, and what the last action said. */
    public record StaffPage(
            List<StaffMember> members,
            List<BookingForm.Option> roles,
            List<BookingForm.Option> clinicians,
            String invitationPath,
            String said,
            String problem) {}

    @GetMapping("/console/staff")
    String page(Caller caller, Model model) {
        Access.require(caller, Scope.MANAGE_STAFF);
        return show(caller, model, null, null, null);
    }

    @PostMapping("/console/staff")
    String invite(
            Caller caller,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String clinician,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_STAFF);
        var problems = new Problems();
        problems.requireText("email", email);
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            problems.add("email", "is not an e-mail address");
        }
        problems.requireText("name", name);
        var asked = StaffRole.fromWire(role);
        if (asked.isEmpty()) {
            problems.add("role", "choose a role");
        }
        try {
            problems.throwIfAny();
            var invitation = staff.invite(
                    caller,
                    new InviteStaff(email.strip(), name.strip(), asked.get(), FormText.given(clinician)),
                    problems);
            return show(
                    caller,
                    model,
                    invitation.invitationPath(),
                    say("staff.invited", invitation.staff().name()),
                    null);
        } catch (CarebookException e) {
            return refused(caller, model, response, e);
        }
    }

    /** One of the actions on a member of staff: a new role, disable, enable or remove. */
    @PostMapping("/console/staff/{id}")
    String change(
            Caller caller,
            @PathVariable String id,
            @RequestParam String action,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String clinician,
            Model model,
            HttpServletResponse response) {
        Access.require(caller, Scope.MANAGE_STAFF);
        try {
            StaffMember changed = switch (action) {
                case "role" ->
                    staff.change(
                            caller,
                            id,
                            new ChangeStaff(
                                    null,
                                    StaffRole.fromWire(role)
                                            .orElseThrow(() -> CarebookException.invalidField("role", "choose a role")),
                                    FormText.given(clinician),
                                    null),
                            new Problems());
                case "disable" ->
                    staff.change(caller, id, new ChangeStaff(null, null, null, StaffStatus.DISABLED), new Problems());
                case "enable" ->
                    staff.change(caller, id, new ChangeStaff(null, null, null, StaffStatus.ACTIVE), new Problems());
                case "remove" -> staff.remove(caller, id);
                default -> throw CarebookException.invalidField("action", "is not an action on staff");
            };
            return show(caller, model, null, said(action, changed), null);
        } catch (CarebookException e) {
            return refused(caller, model, response, e);
        }
    }

    private String refused(Caller caller, Model model, HttpServletResponse response, CarebookException e) {
        if (e.status() >= 500 || e.status() == 401) {
            throw e;
        }
        response.setStatus(e.status());
        return show(caller, model, null, null, FormText.firstProblem(e, LABELS));
    }

    private String show(Caller caller, Model model, String invitationPath, String said, String problem) {
        var roles = java.util.stream.Stream.of(
                        StaffRole.FRONT_DESK, StaffRole.CLINICIAN, StaffRole.READ_ONLY, StaffRole.OWNER)
                .filter(r -> caller.scopes().containsAll(r.scopes()))
                .map(r -> new BookingForm.Option(r.wire(), say("role." + r.wire()), null, false))
                .toList();
        var clinicians = catalogue.clinicians(caller, null).stream()
                .map(c -> new BookingForm.Option(c.id(), c.name(), null, false))
                .toList();
        model.addAttribute(
                "staff", new StaffPage(staff.list(caller), roles, clinicians, invitationPath, said, problem));
        return "console/staff";
    }

    private String said(String action, StaffMember member) {
        return switch (action) {
            case "role" -> say("staff.nowRole", member.name(), say("role." + member.role()));
            case "disable" -> say("staff.disabled", member.name());
            case "enable" -> say("staff.enabled", member.name());
            default -> say("staff.removed", member.name());
        };
    }

    /** A text of the page in the reader's language, as the templates' own are. */
    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
