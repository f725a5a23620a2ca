package org.carebook.booking;

import java.time.Instant;
import org.carebook.kernel.Tenant;

/**
 * A booked time given up, told in the transaction that gives it up: a cancellation, a declined request, or the old
 * time of a move. A hold that expires or is released frees nothing in this sense: nobody had booked it.
 */
public record TimeFreed(Tenant tenant, String clinicianId, Instant start, Instant end) {

    static TimeFreed of(Tenant tenant, Placement placement) {
        return new TimeFreed(tenant, placement.clinicianId(), placement.start(), placement.end());
    }
}
