package org.carebook.fhir;

import org.carebook.api.ErrorFormat;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.FieldIssue;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * Every error under {@code /fhir} as an OperationOutcome, also the gate's refusals made before any controller
 * runs. Each issue carries the API's stable reason as a coding (so a client tells {@code slot_taken} from
 * {@code limit_reached} without reading prose) and the request id in its diagnostics. A hold that expired is
 * 410 Gone here, where {@code /v1} answers 404.
 */
@Component
class OperationOutcomes implements ErrorFormat {

    static final String REASONS = Canonical.BASE + "/CodeSystem/error-reason";

    private final FhirJson json;

    OperationOutcomes(FhirJson json) {
        this.json = json;
    }

    @Override
    public String pathPrefix() {
        return "/fhir/";
    }

    @Override
    public Rendered render(CarebookException e, String requestId) {
        var outcome = new OperationOutcome();
        if (e.details().isEmpty()) {
            issue(outcome, e, requestId).getDetails().setText(e.getMessage());
        }
        for (FieldIssue field : e.details()) {
            var issue = issue(outcome, e, requestId);
            issue.getDetails().setText(e.getMessage() + " " + field.field() + ": " + field.issue());
            if (e.status() == 422) {
                issue.addExpression(field.field());
            }
        }
        return new Rendered(status(e), FhirJson.CONTENT_TYPE, json.encode(outcome));
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(
            OperationOutcome outcome, CarebookException e, String requestId) {
        var issue = outcome.addIssue()
                .setSeverity(e.status() >= 500 ? IssueSeverity.FATAL : IssueSeverity.ERROR)
                .setCode(type(e))
                .setDiagnostics("Request-Id " + requestId);
        issue.setDetails(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(REASONS, e.reason(), null)));
        return issue;
    }

    static int status(CarebookException e) {
        return "hold_expired".equals(e.reason()) ? 410 : e.status();
    }

    private static IssueType type(CarebookException e) {
        if ("hold_expired".equals(e.reason())) {
            return IssueType.EXPIRED;
        }
        return switch (e.status()) {
            case 400 -> "not_supported".equals(e.reason()) ? IssueType.NOTSUPPORTED : IssueType.STRUCTURE;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 405, 415 -> IssueType.NOTSUPPORTED;
            case 409 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 422 -> IssueType.INVALID;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> e.status() >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
