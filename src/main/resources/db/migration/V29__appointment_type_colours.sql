-- A colour per appointment type for the console's calendar (issue 31), from a fixed palette the console's style
-- sheet knows (its pages allow no inline styles). Null: the console picks one from the type's id.
ALTER TABLE appointment_types ADD COLUMN color text
    CHECK (color IN ('blue', 'green', 'orange', 'purple', 'red', 'teal', 'pink', 'brown', 'olive', 'navy', 'grey',
                     'gold'));
