package org.carebook.console;

import org.carebook.kernel.Caller;
import org.carebook.kernel.CarebookException;
import org.carebook.kernel.Scope;

/** The console's pages ask the API's question of the signed-in member of staff: do they hold the scope? */
final class Access {

    private Access() {}

    /** Refuses (403, naming the scope) a member of staff whose role does not hold it. */
    static void require(Caller caller, Scope scope) {
        if (!caller.has(scope)) {
            throw CarebookException.missingScope(scope);
        }
    }
}
