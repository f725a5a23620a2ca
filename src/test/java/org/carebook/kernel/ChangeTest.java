package org.carebook.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A partial update laid over what is stored, on records alone. */
class ChangeTest {

    record Clinic(String name, String phone, Address address) {}

    private static final Clinic STORED =
            new Clinic("Riverside", "+442079460000", new Address("1 High St", null, "Leeds", null, "LS1", "GB"));

    @Test
    void aFieldLeftOutKeepsItsValueAndAnExplicitNullClearsIt() {
        var change = new Change<>(new Clinic("Hillside", null, null), Set.of("name", "phone"));

        assertThat(change.over(STORED)).isEqualTo(new Clinic("Hillside", null, STORED.address()));
    }

    @Test
    void aRecordGivenInPartKeepsItsOtherParts() {
        var change = new Change<>(
                new Clinic(null, null, new Address(null, null, "York", null, null, null)),
                Set.of("address", "address.city"));

        assertThat(change.over(STORED).address()).isEqualTo(new Address("1 High St", null, "York", null, "LS1", "GB"));
    }

    @Test
    void aWholeChangeGivesEveryField() {
        var whole = Change.whole(new Clinic("New", null, null));

        assertThat(whole.over(STORED)).isEqualTo(new Clinic("New", null, null));
        assertThat(whole.gives("phone")).isTrue();
    }

    @Test
    void aChangeCannotNameAFieldItsDraftLacks() {
        assertThatThrownBy(() -> new Change<>(STORED, Set.of("fax"))).hasMessageContaining("no field fax");
        assertThatThrownBy(() -> new Change<>(STORED, Set.of("address.county"))).hasMessageContaining("county");
        assertThatThrownBy(() -> Change.whole(STORED).gives("is_active")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemsAreNamedForTheWireFromTheRecordsNames() {
        var problems = new Problems();
        problems.add("insurance.memberId", Problems.REQUIRED);
        problems.add("weeklyHours[2].end", "must be after start");
        problems.addAsSent("externalIds.MyKey", "as sent");

        assertThatThrownBy(problems::throwIfAny)
                .extracting(e -> ((CarebookException) e).details())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldIssue.class))
                .extracting(FieldIssue::field)
                .as("a name as sent is never re-spelled")
                .containsExactly("insurance.member_id", "weekly_hours[2].end", "externalIds.MyKey");
    }
}
