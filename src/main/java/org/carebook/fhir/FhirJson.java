package org.carebook.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import org.carebook.kernel.CarebookException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** Resources to and from FHIR JSON through HAPI's parser: a strict reader and a writer per call (neither is shared). */
@Component
class FhirJson {

    static final String CONTENT_TYPE = "application/fhir+json;charset=UTF-8";
    static final MediaType MEDIA_TYPE = MediaType.parseMediaType(CONTENT_TYPE);

    private final FhirContext context;

    FhirJson(FhirContext context) {
        this.context = context;
    }

    byte[] encode(IBaseResource resource) {
        return writer().encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** One resource per line, as NDJSON wants. */
    String encodeLine(IBaseResource resource) {
        return writer().setPrettyPrint(false).encodeResourceToString(resource);
    }

    ResponseEntity<byte[]> ok(IBaseResource resource) {
        return status(200, resource);
    }

    ResponseEntity<byte[]> status(int status, IBaseResource resource) {
        return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(encode(resource));
    }

    /**
     * The body read as whatever resource it says it is (an operation's input: Parameters, or as many clients send
     * it the resource itself). Unknown elements, wrong types and broken JSON are refused (400) rather than
     * dropped, so a field the client thinks it sent is never silently ignored.
     */
    IBaseResource parseAny(byte[] body) {
        if (body == null || body.length == 0) {
            throw CarebookException.badRequest("malformed_resource", "The request has no body; send a FHIR resource.");
        }
        try {
            var parser = context.newJsonParser();
            parser.setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler());
            return parser.parseResource(new String(body, StandardCharsets.UTF_8));
        } catch (DataFormatException e) {
            throw CarebookException.badRequest(
                    "malformed_resource", "The body is not a valid FHIR R4 resource in JSON.");
        }
    }

    private IParser writer() {
        return context.newJsonParser();
    }
}
