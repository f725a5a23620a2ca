-- Who referred a booking (issue 29): the source and booking-referral a directory appends to a published slot's
-- booking link, kept so that the directory can be credited with the bookings it sends.
ALTER TABLE appointments
    ADD COLUMN referral_source  text,
    ADD COLUMN booking_referral text;
