package org.carebook.selfservice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carebook.audit.AuditLog;
import org.carebook.booking.Appointments;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.PublicAddress;
import org.carebook.kernel.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manage links: the address in a patient's messages that lets them cancel or move that one appointment.
 * The token sits after {@code #}, which browsers never send, so it stays out of every access log on the way.
 */
@Service
public class ManageLinks {

    static final String RESOURCE = "manage_link";

    private final LinkKeys keys;
    private final LinkRepository links;
    private final Appointments appointments;
    private final AuditLog audit;
    private final PublicAddress address;
    private final Clock clock;

    ManageLinks(
            LinkKeys keys,
            LinkRepository links,
            Appointments appointments,
            AuditLog audit,
            PublicAddress address,
            Clock clock) {
        this.keys = keys;
        this.links = links;
        this.appointments = appointments;
        this.audit = audit;
        this.address = address;
        this.clock = clock;
    }

    /** The appointment's manage page, signed with the current key; the same link until it is revoked. */
    @Transactional
    public String urlFor(Tenant tenant, String appointmentId) {
        Instant now = clock.instant();
        String linkId = links.liveFor(tenant, appointmentId, now);
        return address.link("/manage#" + LinkToken.sign(linkId, keys.current(now)));
    }

    /**
     * The page where a patient accepts or declines a time the waitlist holds for them, signed as a manage link is:
     * one link per offer, which reaches that offer and nothing else.
     */
    @Transactional
    public String offerUrl(Tenant tenant, String offerId) {
        Instant now = clock.instant();
        return address.link("/offer#" + LinkToken.sign(links.forOffer(tenant, offerId, now), keys.current(now)));
    }

    /** The one waitlist offer a patient's caller may reach; nothing for an appointment's link or anyone else. */
    public Optional<String> offerOf(Caller caller) {
        if (!caller.isPatient()) {
            return Optional.empty();
        }
        return links.findLive(caller.keyId()).map(LinkRepository.Link::offerId);
    }

    /** Staff or a secret key ask for the link, to send it another way; asking is audited. */
    @Transactional
    public String issue(Caller caller, String appointmentId) {
        appointments.get(caller, appointmentId);
        audit.record(caller, AuditLog.Action.CREATE, RESOURCE, List.of(appointmentId));
        return urlFor(caller.tenant(), appointmentId);
    }

    /** Ends the appointment's link at once; the next message about it carries a new one. */
    @Transactional
    public void revoke(Caller caller, String appointmentId) {
        appointments.get(caller, appointmentId);
        links.revoke(caller.tenant(), appointmentId, clock.instant());
        audit.record(caller, AuditLog.Action.DELETE, RESOURCE, List.of(appointmentId));
    }

    /**
     * The patient a token speaks for, while it is signed by a key in use, not revoked, and its appointment has
     * not ended. Anything else is no caller at all, so every failure looks the same from outside.
     */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String token) {
        var parsed = LinkToken.parse(token);
        if (parsed.isEmpty()
                || keys.usable(parsed.get().keyId())
                        .filter(parsed.get()::signedBy)
                        .isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return links.findLive(parsed.get().linkId()).flatMap(link -> {
            var caller = new Caller(link.id(), KeyKind.PATIENT, link.tenant(), Set.of(), List.of(), null, null);
            if (link.offerId() != null) {
                return Optional.of(caller); // the offer answers for itself whether it is still open
            }
            boolean ended = !appointments
                    .get(caller, link.appointmentId())
                    .endTime()
                    .toInstant()
                    .isAfter(now);
            return ended ? Optional.empty() : Optional.of(caller);
        });
    }

    /** The one appointment a patient's caller may reach. */
    String appointmentOf(Caller caller) {
        if (!caller.isPatient()) {
            throw CarebookException.notFound("There is nothing at this address.");
        }
        return links.findLive(caller.keyId())
                .map(LinkRepository.Link::appointmentId) // empty for an offer's link
                .orElseThrow(() -> CarebookException.notFound("This link has been revoked."));
    }

    /** The signing keys, newest first. */
    @Transactional(readOnly = true)
    public List<LinkKeyView> keys() {
        var all = keys.all();
        String signing = all.stream()
                .filter(k -> k.retiredAt() == null)
                .findFirst()
                .map(LinkKeys.Key::id)
                .orElse(null);
        return all.stream().map(k -> LinkKeyView.of(k, k.id().equals(signing))).toList();
    }

    /** A new key signs from now on; links signed by older keys keep working until those are retired. */
    @Transactional
    public LinkKeyView rotate() {
        return LinkKeyView.of(keys.add(clock.instant()), true);
    }

    /** Retires a key: every link it signed stops working. */
    @Transactional
    public void retire(String keyId) {
        if (!keys.retire(keyId, clock.instant())) {
            throw CarebookException.notFound("No such key in use.");
        }
    }

    /** A signing key as the admin sees it: never its secret. */
    public record LinkKeyView(String id, boolean signing, java.time.Instant createdAt, java.time.Instant retiredAt) {
        static LinkKeyView of(LinkKeys.Key key, boolean signing) {
            return new LinkKeyView(key.id(), signing, key.createdAt(), key.retiredAt());
        }
    }
}
