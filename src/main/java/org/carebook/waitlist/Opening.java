package org.carebook.waitlist;

import java.time.Instant;
import org.carebook.kernel.Tenant;

/** A clinician's time freed between two instants, waiting to be offered. */
record Opening(Tenant tenant, String clinicianId, Instant start, Instant end) {}
