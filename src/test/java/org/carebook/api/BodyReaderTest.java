package org.carebook.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ADR 0004's guarantees, on the reader alone: every problem at once, unknown fields refused, absent apart from null. */
class BodyReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Visit(
            @Schema(requiredMode = REQUIRED, maxLength = 5) String name,
            @Schema(format = "email") String email,

            @Schema(allowableValues = {"in_person", "remote"})
            String mode,

            @Schema(minimum = "1", maximum = "60") Integer minutes,
            Boolean isFirst,
            BigDecimal price,
            LocalDate day,
            @Schema(type = "string") LocalTime at,
            OffsetDateTime bookedAt,

            @ArraySchema(maxItems = 3, items = @Schema(maxLength = 3))
            List<String> tags,

            @ArraySchema(maxItems = 3, items = @Schema(minimum = "0", maximum = "9"))
            List<Integer> digits,

            Room room,
            @ArraySchema(maxItems = 2) List<Room> rooms,
            Map<String, String> externalIds) {}

    record Room(
            @Schema(maxLength = 10) String label,
            @Schema(minimum = "1", maximum = "9") Integer floor) {}

    record Unbounded(Integer count) {}

    record Unlimited(List<String> tags) {}

    @Test
    void aGoodBodyIsReadIntoItsRecordWithTheFieldsItGave() {
        var body = read("""
                {"name": "Ann", "email": " Ann@Clinic.Example ", "mode": "remote", "minutes": 30, "is_first": true,
                 "price": 65, "day": "2027-03-28", "at": "09:30", "booked_at": "2027-03-01T10:00:00+01:00",
                 "tags": ["a", "b", "a"], "digits": [1, 1, 2], "room": {"floor": 2},
                 "rooms": [{"label": "R1"}], "external_ids": {"ehr": "7"}}
                """);

        assertThat(body.problems().isEmpty())
                .as(() -> String.valueOf(problemsOf(body)))
                .isTrue();
        var visit = body.valid();
        assertThat(visit.email()).isEqualTo("ann@clinic.example");
        assertThat(visit.price()).isEqualByComparingTo("65.00");
        assertThat(visit.at()).isEqualTo(LocalTime.of(9, 30));
        assertThat(visit.bookedAt().toInstant()).hasToString("2027-03-01T09:00:00Z");
        assertThat(visit.tags()).containsExactly("a", "b");
        assertThat(visit.digits()).containsExactly(1, 2);
        assertThat(visit.room()).isEqualTo(new Room(null, 2));
        assertThat(visit.rooms()).containsExactly(new Room("R1", null));
        assertThat(visit.externalIds()).containsEntry("ehr", "7");
        assertThat(body.given()).contains("room", "room.floor").doesNotContain("room.label", "mode_x");
    }

    @Test
    void anAbsentFieldIsKeptApartFromAnExplicitNull() {
        var body = read("{\"name\": null, \"tags\": null}");

        assertThat(body.value().name()).isNull();
        assertThat(body.value().email()).isNull();
        assertThat(body.gives("name")).isTrue();
        assertThat(body.gives("email")).isFalse();
        assertThat(body.value().tags()).as("a null list clears it").isEmpty();
        assertThat(body.value().digits()).as("an absent list is left as it is").isNull();
    }

    @Test
    void everyProblemOfABodyIsNamedByItsPathInOneAnswer() {
        var body = read("""
                {"nickname": "x", "name": "Annabel", "email": "not-mail", "mode": "walk", "minutes": 61,
                 "is_first": "yes", "price": 1.234, "day": "2027-02-30", "at": "9am", "booked_at": "2027-03-01T10:00",
                 "tags": ["abcd", ""], "digits": [10], "room": {"floor": 0, "wing": "E"}, "rooms": [3, {"label": 4}],
                 "external_ids": {"ehr": 7}}
                """);

        assertThatThrownBy(body::valid)
                .isInstanceOf(CarebookException.class)
                .extracting(e -> ((CarebookException) e).details())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(FieldIssue.class))
                .containsExactly(
                        new FieldIssue("nickname", FieldIssue.UNKNOWN_FIELD),
                        new FieldIssue("name", "must be at most 5 characters"),
                        new FieldIssue("email", "must be an e-mail address"),
                        new FieldIssue("mode", "must be one of in_person, remote"),
                        new FieldIssue("minutes", "must be a whole number from 1 to 60"),
                        new FieldIssue("is_first", "must be true or false"),
                        new FieldIssue("price", "must be an amount from 0 with at most 2 decimal places"),
                        new FieldIssue("day", "must be a real date written YYYY-MM-DD"),
                        new FieldIssue("at", "must be a clock time written HH:MM"),
                        new FieldIssue("booked_at", QueryParams.TIMESTAMP),
                        new FieldIssue("tags[0]", "must be a non-empty string of at most 3 characters"),
                        new FieldIssue("tags[1]", "must be a non-empty string of at most 3 characters"),
                        new FieldIssue("digits", "must be a list of at most 3 whole numbers from 0 to 9"),
                        new FieldIssue("room.wing", FieldIssue.UNKNOWN_FIELD),
                        new FieldIssue("room.floor", "must be a whole number from 1 to 9"),
                        new FieldIssue("rooms[0]", "must be an object"),
                        new FieldIssue("rooms[1].label", "must be a string"),
                        new FieldIssue(
                                "external_ids.ehr",
                                "must be a string of at most 255 characters under a key of at most 100"));
    }

    @Test
    void textPostgresCannotStoreIsRefusedRatherThanFailingLater() {
        var nul = read("{\"name\": \"a\\u0000b\"}");
        var surrogate = read("{\"name\": \"a\\ud800\"}");

        assertThat(nul.problems().has("name")).isTrue();
        assertThat(surrogate.problems().has("name")).isTrue();
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> read("[1]"))
                .isInstanceOf(CarebookException.class)
                .hasMessageContaining("must be a JSON object");
        assertThat(BodyReader.readOptional(null, Room.class).given()).isEmpty();
    }

    @Test
    void aRecordThatDoesNotStateItsLimitsCannotBeRead() {
        assertThatThrownBy(() -> BodyReader.checkReadable(Unbounded.class)).hasMessageContaining("minimum");
        assertThatThrownBy(() -> BodyReader.checkReadable(Unlimited.class)).hasMessageContaining("maxItems");
        BodyReader.checkReadable(Visit.class);
    }

    private static List<FieldIssue> problemsOf(Body<?> body) {
        try {
            body.valid();
            return List.of();
        } catch (CarebookException e) {
            return e.details();
        }
    }

    private static Body<Visit> read(String json) {
        JsonNode node = JSON.readTree(json);
        return BodyReader.read(node, Visit.class);
    }
}
