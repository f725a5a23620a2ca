package org.carebook.console;

import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.staff.StaffMembers;
import org.carebook.staff.StaffRole;
import org.springframework.stereotype.Component;

/** Looks up, on each page, what the signed-in member of staff's role lets them see (a role change counts at once). */
@Component
class Viewers {

    private final StaffMembers staff;

    Viewers(StaffMembers staff) {
        this.staff = staff;
    }

    Viewer of(Caller caller) {
        var member = staff.signedIn(caller)
                .orElseThrow(() -> CarebookException.unauthorised(
                        "unknown_staff", "This account no longer exists; please sign in again."));
        return StaffRole.CLINICIAN.wire().equals(member.role())
                ? new Viewer(member.clinicianId())
                : Viewer.WHOLE_CLINIC;
    }
}
