package org.carebook.console;

import org.carebook.kernel.Caller;
import org.carebook.staff.StaffAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's language, chosen by each member of staff from the bar; {@code browser} goes back to the browser's. */
@Controller
class LanguagePages {

    private final StaffAccounts staff;

    LanguagePages(StaffAccounts staff) {
        this.staff = staff;
    }

    @PostMapping({"/console/language", "/console/test/language"})
    String choose(Caller caller, @RequestParam String language, @RequestParam(required = false) String back) {
        staff.chooseLanguage(caller, "browser".equals(language) ? null : language);
        return "redirect:" + ConsolePaths.back(back);
    }
}
