package org.carebook.smart;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint of SMART Backend Services. It speaks OAuth's own shapes (a form in, RFC 6749's
 * {@code {"error": …}} out) rather than Carebook's envelope, because that is what every OAuth client library reads.
 */
@Hidden
@RestController
class TokenController {

    private final TokenGrant grant;

    TokenController(TokenGrant grant) {
        this.grant = grant;
    }

    @PostMapping(path = TokenGrant.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_assertion_type", required = false) String assertionType,
            @RequestParam(name = "client_assertion", required = false) String assertion,
            @RequestParam(name = "scope", required = false) String scope) {
        var token = grant.grant(grantType, assertionType, assertion, scope);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of(
                        "access_token", token.accessToken(),
                        "token_type", "bearer",
                        "expires_in", token.expiresIn(),
                        "scope", token.scope()));
    }

    @ExceptionHandler(TokenGrant.Refused.class)
    ResponseEntity<Map<String, Object>> refused(TokenGrant.Refused refused) {
        return ResponseEntity.status(refused.status)
                .cacheControl(CacheControl.noStore())
                .body(Map.of("error", refused.error, "error_description", refused.getMessage()));
    }
}
