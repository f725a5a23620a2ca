package org.carebook.notification;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/v1/notifications")
    @Operation(operationId = "listNotifications")
    @RequiresScope(Scope.READ_APPOINTMENTS)
    ListPage<NotificationView> list(
            Caller caller,
            @RequestParam(name = "appointment_id", required = false) String appointmentId,
            @RequestParam(name = "waitlist_entry_id", required = false) String waitlistEntryId,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return notifications.list(caller, appointmentId, waitlistEntryId, PageRequest.of(limit, cursor));
    }
}
