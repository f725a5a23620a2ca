package org.carebook.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.Problems;
import org.carebook.kernel.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AvailabilityController {

    private final AvailabilityAnswers answers;

    AvailabilityController(AvailabilityAnswers answers) {
        this.answers = answers;
    }

    /** The answer arrives as finished JSON (often from the cache); the annotation tells OpenAPI its shape. */
    @GetMapping("/v1/availability")
    @Operation(operationId = "findAvailability")
    @RequiresScope(Scope.READ_AVAILABILITY)
    @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SlotList.class)))
    ResponseEntity<byte[]> slots(
            Caller caller,
            @Parameter(required = true) @RequestParam(name = "appointment_type_id", required = false)
                    String appointmentTypeId,
            @Parameter(required = true) @RequestParam(name = "start_date", required = false) String startDate,
            @Parameter(required = true) @RequestParam(name = "end_date", required = false) String endDate,
            @RequestParam(name = "clinician_id", required = false) String clinicianId,
            @RequestParam(name = "location_id", required = false) String locationId,
            @RequestParam(name = "is_remote", required = false) String isRemote,
            @RequestParam(name = "insurance_payer", required = false) String insurancePayer) {
        var problems = new Problems();
        var query = AvailabilityAnswers.read(
                appointmentTypeId, startDate, endDate, clinicianId, locationId, isRemote, insurancePayer, problems);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(answers.answer(caller, query, problems));
    }

    /** Documentation only: the shape of the answer. */
    record SlotList(java.util.List<SlotView> data, boolean hasMore, String nextCursor) {}
}
