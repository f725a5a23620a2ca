package org.carebook.audit;

import io.swagger.v3.oas.annotations.Operation;
import org.carebook.api.QueryParams;
import org.carebook.api.RequiresScope;
import org.carebook.kernel.Caller;
import org.carebook.kernel.ListPage;
import org.carebook.kernel.PageRequest;
import org.carebook.kernel.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
        return auditLog.list(
                caller.tenant(), type, resourceId, QueryParams.instant("since", since), PageRequest.of(limit, cursor));
    }
}
