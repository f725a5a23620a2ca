package org.carebook.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.carebook.staff.SignedInStaff;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is written in: the one the member of staff chose (set on the request by
 * {@link ConsoleCallerFilter}), else the first of the browser's languages the console speaks, else English. The
 * region the browser asks for is kept (en-GB, de-AT), so dates read as there.
 */
@Component("localeResolver")
class ConsoleLocales implements LocaleResolver {

    static final String CHOSEN = "carebook.console.language";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        var asked = request.getHeader("Accept-Language") == null
                ? List.<Locale>of()
                : Collections.list(request.getLocales());
        if (request.getAttribute(CHOSEN) instanceof String chosen) {
            return asked.stream()
                    .filter(l -> l.getLanguage().equals(chosen))
                    .findFirst()
                    .orElse(Locale.forLanguageTag(chosen));
        }
        return asked.stream()
                .filter(l -> SignedInStaff.LANGUAGES.contains(l.getLanguage()))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The console's language is chosen through StaffAccounts");
    }
}
