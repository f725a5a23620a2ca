// Times as the API writes them (RFC 3339 with the clinic's offset), for people and for calendar files.

/** A wire time such as 2027-03-15T09:00:00-04:00, as the wall clock of its own offset. */
export function wallClock(text) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text);
  const offset = text.endsWith('Z') ? '+00:00' : text.slice(-6);
  return {
    date: text.slice(0, 10),
    asUtc: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])),
    zone: offset === '+00:00' ? 'UTC' : `UTC${offset.replace('-', '−')}`,
  };
}

/** A local date as YYYY-MM-DD. */
export function localDate(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The slot a booking link chose (a directory's, from the slots the clinic publishes):
 * ?carebook_type=…&carebook_clinician=…&carebook_location=…&carebook_start=…, or null.
 */
export function linkedSlot(search) {
  const query = new URLSearchParams(search);
  const [type, clinician, start] = ['carebook_type', 'carebook_clinician', 'carebook_start'].map((name) => query.get(name));
  return type && clinician && start && !Number.isNaN(Date.parse(start))
    ? { type, clinician, location: query.get('carebook_location'), start }
    : null;
}

/**
 * Who sent the patient here: the source and booking-referral a directory appends to a booking link (SMART
 * Scheduling Links), cut to the lengths the API keeps, or null when the address has neither.
 */
export function linkedReferral(search) {
  const query = new URLSearchParams(search);
  const source = query.get('source')?.slice(0, 100) || null;
  const bookingReferral = query.get('booking-referral')?.slice(0, 200) || null;
  return source || bookingReferral ? { source, booking_referral: bookingReferral } : null;
}

/** A text value of an iCalendar property, escaped as RFC 5545 says. */
export function icsText(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** An instant in iCalendar's UTC form, 20270315T130000Z. */
export function icsTime(text) {
  return new Date(text).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A calendar file of one appointment. */
export function calendarFile({ id, start, end, summary, location, stamp = new Date() }) {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Carebook//Booking widget//EN', 'METHOD:PUBLISH', 'BEGIN:VEVENT',
    `UID:${id}@carebook`, `DTSTAMP:${icsTime(stamp.toISOString())}`,
    `DTSTART:${icsTime(start)}`, `DTEND:${icsTime(end)}`,
    `SUMMARY:${icsText(summary)}`, `LOCATION:${icsText(location)}`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}
