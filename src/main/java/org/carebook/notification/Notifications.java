package org.carebook.notification;

import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notifications of an organization and mode, newest last. */
@Service
public class Notifications {

    private final NotificationRepository notifications;

    Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional(readOnly = true)
    public ListPage<NotificationView> list(
            Caller caller, String appointmentId, String waitlistEntryId, PageRequest page) {
        return ListPage.of(
                notifications.page(
                        caller.tenant(),
                        new NotificationRepository.About(blankless(appointmentId), blankless(waitlistEntryId)),
                        page),
                page,
                n -> new PageRequest.Position(n.createdAt(), n.id()),
                n -> n);
    }

    private static String blankless(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
