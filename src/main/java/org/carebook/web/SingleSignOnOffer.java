package org.carebook.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells the console's pages whether single sign-on is offered, so the sign-in page can show its button
 * while only the edge knows about the provider.
 */
@ControllerAdvice(basePackages = "org.carebook.console")
class SingleSignOnOffer {

    private final SingleSignOnSettings settings;

    SingleSignOnOffer(SingleSignOnSettings settings) {
        this.settings = settings;
    }

    @ModelAttribute("singleSignOn")
    boolean singleSignOn() {
        return settings.enabled();
    }
}
