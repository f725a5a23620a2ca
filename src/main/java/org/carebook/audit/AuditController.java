package org.carebook.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.carebook.api.JsonFields;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.JsonNodeFactory;

@RestController
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/v1/audit-events")
    @Operation(operationId = "listAuditEvents")
    @RequiresScope(Scope.READ_AUDIT)
    ListPage<AuditEventView> list(
            Caller caller,
            @RequestParam(name = "resource_type", required = false) String type,
            @RequestParam(name = "resource_id", required = false) String resourceId,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        return auditLog.list(caller.tenant(), type, resourceId, sinceInstant(since), PageRequest.of(limit, cursor));
    }

    private static Instant sinceInstant(String since) {
        if (since == null) {
            return null;
        }
        var query = JsonFields.of(JsonNodeFactory.instance.objectNode().put("since", since), "since");
        Instant value = query.instant("since", null);
        query.throwIfInvalid();
        return value;
    }
}
