package org.carebook.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Pure checks of the engine on the benchmark's own data, so the benchmark measures a working computation. */
class SlotEngineTest {

    @Test
    void busyClinicOffersTheFreeFortyPercent() {
        var query = SlotEngineBenchmark.busyClinic(new Random(42));
        int total = SlotEngineBenchmark.CLINICIANS * SlotEngineBenchmark.DAYS * 16;
        int booked = query.clinicianBusy().values().stream().mapToInt(List::size).sum();

        var slots = SlotEngine.slots(query);

        assertThat(slots).hasSize(total - booked);
        assertThat(slots).isSortedAccordingTo(Comparator.comparing(Slot::start).thenComparing(Slot::clinicianName));
    }
}
