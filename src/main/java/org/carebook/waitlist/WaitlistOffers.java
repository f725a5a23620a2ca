package org.carebook.waitlist;

import java.time.Clock;
import java.time.Instant;
import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.selfservice.ManageLinks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An offer as its patient answers it, through the offer's link: the link reaches that one offer, and only
 * while the link lives; anyone else, or an appointment's link, finds nothing here.
 */
@Service
public class WaitlistOffers {

    private final ManageLinks links;
    private final WaitlistRepository repository;
    private final OfferAnswers answers;
    private final OfferDescriptions descriptions;
    private final Clock clock;

    WaitlistOffers(
            ManageLinks links,
            WaitlistRepository repository,
            OfferAnswers answers,
            OfferDescriptions descriptions,
            Clock clock) {
        this.links = links;
        this.repository = repository;
        this.answers = answers;
        this.descriptions = descriptions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public OfferPage show(Caller caller) {
        return page(caller, offerId(caller), clock.instant());
    }

    /** Books the held time; pressing again answers the same appointment. */
    @Transactional
    public OfferPage accept(Caller caller) {
        Instant now = clock.instant();
        String id = offerId(caller);
        answers.accept(caller, id, now);
        return page(caller, id, now);
    }

    /** Lets the time go to the next in line; the patient stays in line for another. */
    @Transactional
    public OfferPage decline(Caller caller) {
        Instant now = clock.instant();
        String id = offerId(caller);
        answers.decline(caller, id, now);
        return page(caller, id, now);
    }

    private OfferPage page(Caller caller, String offerId, Instant now) {
        var offer = repository.findOffer(offerId, false).orElseThrow(OfferAnswers::gone);
        var entry = repository.find(caller.tenant(), offer.entryId(), false).orElseThrow(OfferAnswers::gone);
        return descriptions.page(entry, offer, now);
    }

    private String offerId(Caller caller) {
        return links.offerOf(caller).orElseThrow(() -> CarebookException.notFound("There is nothing at this address."));
    }
}
