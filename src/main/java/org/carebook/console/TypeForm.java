package org.carebook.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carebook.catalog.AppointmentTypeDraft;
import org.carebook.catalog.AppointmentTypeView;
import org.carebook.kernel.Change;
import org.carebook.kernel.Problems;

/**
 * The appointment type editor's fields as text, as shown and as posted. It changes what a clinic sets by hand
 * (name, length, buffers, price, how it is booked, its colour); the rest stays as the API last set it.
 */
public record TypeForm(
        String name,
        String description,
        String duration,
        String bufferBefore,
        String bufferAfter,
        String price,
        boolean inPerson,
        boolean video,
        boolean online,
        boolean approval,
        boolean active,
        String colour) {

    /** The fields this form gives, by the draft's own names. */
    private static final Set<String> GIVES = Set.of(
            "name",
            "description",
            "durationMinutes",
            "bufferBeforeMinutes",
            "bufferAfterMinutes",
            "price",
            "modes",
            "allowOnlineBooking",
            "requiresApproval",
            "isActive",
            "color");

    private static final int LONGEST_DAY = 1440;

    static TypeForm of(AppointmentTypeView type) {
        return new TypeForm(
                type.name(),
                FormText.shown(type.description()),
                String.valueOf(type.durationMinutes()),
                String.valueOf(type.bufferBeforeMinutes()),
                String.valueOf(type.bufferAfterMinutes()),
                type.price() == null ? "" : type.price().toPlainString(),
                type.modes().contains("in_person"),
                type.modes().contains("remote"),
                type.allowOnlineBooking(),
                type.requiresApproval(),
                type.isActive(),
                FormText.shown(type.color()));
    }

    /** A new type as the form first shows it: half an hour in person, booked online, offered. */
    static TypeForm blank() {
        return new TypeForm("", "", "30", "0", "0", "", true, false, true, false, true, "");
    }

    /** What was posted; a box left unticked is not posted at all, so it reads as false. */
    static TypeForm read(Map<String, String> posted) {
        return new TypeForm(
                FormText.shown(posted.get("name")),
                FormText.shown(posted.get("description")),
                FormText.shown(posted.get("duration")),
                FormText.shown(posted.get("bufferBefore")),
                FormText.shown(posted.get("bufferAfter")),
                FormText.shown(posted.get("price")),
                posted.containsKey("inPerson"),
                posted.containsKey("video"),
                posted.containsKey("online"),
                posted.containsKey("approval"),
                posted.containsKey("active"),
                FormText.shown(posted.get("colour")));
    }

    /** The change to make, with a problem for each field not a number in its range; the facade checks the rest. */
    Change<AppointmentTypeDraft> change(Problems problems) {
        var modes = new ArrayList<String>();
        if (inPerson) {
            modes.add("in_person");
        }
        if (video) {
            modes.add("remote");
        }
        var draft = new AppointmentTypeDraft(
                FormText.given(name),
                FormText.given(description),
                minutes("durationMinutes", duration, 1, problems),
                amount(problems),
                null,
                active,
                online,
                modes,
                minutes("bufferBeforeMinutes", bufferBefore, 0, problems),
                minutes("bufferAfterMinutes", bufferAfter, 0, problems),
                null,
                null,
                null,
                null,
                null,
                approval,
                FormText.given(colour),
                null,
                null,
                null,
                null,
                null);
        return new Change<>(draft, GIVES);
    }

    /** The palette with the one chosen; the empty value lets the console pick a colour by the type's id. */
    public List<BookingForm.Option> colours() {
        var options = new ArrayList<BookingForm.Option>();
        options.add(new BookingForm.Option("", "Automatic", null, colour.isEmpty()));
        AppointmentTypeDraft.COLORS.forEach(c -> options.add(new BookingForm.Option(
                c, Character.toUpperCase(c.charAt(0)) + c.substring(1), null, c.equals(colour))));
        return options;
    }

    private static Integer minutes(String field, String text, int least, Problems problems) {
        Optional<Integer> value = FormText.number(text).filter(n -> n >= least && n <= LONGEST_DAY);
        if (value.isEmpty()) {
            problems.add(field, "must be a whole number of minutes from " + least + " to " + LONGEST_DAY);
        }
        return value.orElse(null);
    }

    private BigDecimal amount(Problems problems) {
        if (price.isBlank()) {
            return null;
        }
        try {
            var amount = new BigDecimal(price.strip());
            if (amount.signum() >= 0 && amount.scale() <= 2) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // said below, as for a negative amount
        }
        problems.add("price", "must be an amount such as 65.00, or blank for none");
        return null;
    }
}
