-- A standard service for each appointment type (issue 29): an HL7 service-type or SNOMED CT code with its display,
-- which FHIR shows beside Carebook's own code. All three parts or none.
ALTER TABLE appointment_types
    ADD COLUMN service_type_system  text,
    ADD COLUMN service_type_code    text,
    ADD COLUMN service_type_display text,
    ADD CONSTRAINT service_type_whole CHECK (
        (service_type_system IS NULL) = (service_type_code IS NULL)
        AND (service_type_code IS NULL) = (service_type_display IS NULL));
