package org.carebook.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.carebook.kernel.Caller;
import org.carebook.kernel.KeyKind;
import org.carebook.kernel.Mode;
import org.carebook.kernel.Tenant;
import org.carebook.staff.SignedInStaff;
import org.carebook.staff.StaffAccounts;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the signed-in person into the {@link Caller} controllers receive: the organization they act for (their
 * only one, or the one they chose with {@code POST /console/switch}), read with its role from the database on
 * every request, in the mode the path names ({@code /console/test/…} is test data). A membership that was
 * disabled or removed ends the session at once; so does a session older than its absolute lifetime.
 */
class ConsoleCallerFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(12);
    /** The session attribute naming the membership (staff id) the person acts as. */
    static final String ACTING = "carebook.staff.acting";

    private static final String SWITCH = "/console/switch";

    private final StaffAccounts accounts;

    ConsoleCallerFilter(StaffAccounts accounts) {
        this.accounts = accounts;
    }

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
            end(session, request, response, "expired");
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var person = authentication == null ? null : staffOf(authentication.getPrincipal());
        if (person == null || session == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().equals(request.getContextPath() + SWITCH) && "POST".equals(request.getMethod())) {
            String chosen = request.getParameter("staff_id");
            if (chosen != null && accounts.acting(person.userId(), chosen).isPresent()) {
                session.setAttribute(ACTING, chosen);
            }
            response.sendRedirect(request.getContextPath() + "/console");
            return;
        }
        var acting = acting(person, session);
        if (acting.isEmpty()) {
            end(session, request, response, "no-access");
            return;
        }
        request.setAttribute(ApiKeyAuthenticationFilter.CALLER, caller(acting.get(), request));
        if (acting.get().language() != null) {
            request.setAttribute(ConsoleLocales.CHOSEN, acting.get().language());
        }
        chain.doFilter(request, response);
    }

    /** The membership chosen before while it is still active, else the person's first active one. */
    private Optional<SignedInStaff> acting(StaffPrincipal person, HttpSession session) {
        var chosen = session.getAttribute(ACTING) instanceof String id
                ? accounts.acting(person.userId(), id)
                : Optional.<SignedInStaff>empty();
        if (chosen.isPresent()) {
            return chosen;
        }
        if (session.getAttribute(ACTING) != null) {
            return Optional.empty(); // the membership it acted as was disabled or removed: this session ends
        }
        var first = accounts.memberships(person.userId()).stream().findFirst();
        first.ifPresent(member -> session.setAttribute(ACTING, member.staffId()));
        return first;
    }

    private static Caller caller(SignedInStaff staff, HttpServletRequest request) {
        var mode =
                request.getRequestURI().startsWith(request.getContextPath() + "/console/test/") ? Mode.TEST : Mode.LIVE;
        return new Caller(
                staff.staffId(),
                KeyKind.STAFF,
                new Tenant(staff.organizationId(), mode),
                staff.scopes(),
                java.util.List.of(),
                (String) request.getAttribute(RequestIds.ATTRIBUTE),
                request.getRemoteAddr());
    }

    private static void end(HttpSession session, HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        session.invalidate();
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/console/login?" + why);
    }
}
