package org.carebook.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.carebook.kernel.Mode;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the signed-in member of staff into the {@link org.carebook.kernel.Caller} controllers receive, in the
 * mode the path names ({@code /console/test/…} is test data), and ends sessions older than their absolute
 * lifetime whatever their activity.
 */
class ConsoleCallerFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);

    /** Who is signed in: with a password, or through the single sign-on provider. */
    private static StaffPrincipal staffOf(Object principal) {
        if (principal instanceof StaffPrincipal staff) {
            return staff;
        }
        return principal instanceof StaffOidcUser user ? user.staff() : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > ABSOLUTE_LIFETIME.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/console/login?expired");
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var staff = authentication == null ? null : staffOf(authentication.getPrincipal());
        if (staff != null) {
            var mode = request.getRequestURI().startsWith(request.getContextPath() + "/console/test/")
                    ? Mode.TEST
                    : Mode.LIVE;
            request.setAttribute(
                    ApiKeyAuthenticationFilter.CALLER,
                    staff.caller(mode, (String) request.getAttribute(RequestIds.ATTRIBUTE), request.getRemoteAddr()));
        }
        chain.doFilter(request, response);
    }
}
