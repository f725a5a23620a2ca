package org.carebook.web;

import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the OpenID Connect provider: the provider's user, and who they are here. Named by
 * the person's id, so that their sessions are found (and ended) like password sessions.
 */
final class StaffOidcUser extends DefaultOidcUser {

    private final StaffPrincipal staff;

    StaffOidcUser(OidcUser user, StaffPrincipal staff) {
        super(user.getAuthorities(), user.getIdToken(), user.getUserInfo());
        this.staff = staff;
    }

    StaffPrincipal staff() {
        return staff;
    }

    @Override
    public String getName() {
        return staff.userId();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffOidcUser that && super.equals(that) && staff.equals(that.staff);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + staff.hashCode();
    }
}
