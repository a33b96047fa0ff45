package dev.copilotsuite.copilot.service;

import java.util.List;
import java.util.Locale;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CustomerCard;

/** How the copilot reads the contract context that segments, the agent and the customer record supply. */
final class CallContexts {

    private CallContexts() {
    }

    /**
     * The context with blanks dropped and codes upper-cased, so that an empty string never sticks as a
     * first value and {@code az} means {@code AZ}.
     */
    static CallContext cleaned(CallContext context) {
        if (context == null) {
            return CallContext.EMPTY;
        }
        return new CallContext(text(context.phone()), code(context.state()), code(context.plan()),
                code(context.contractType()), code(context.role()));
    }

    /**
     * The contract a caller's record settles: the one ACTIVE contract. With none or several, the
     * record cannot choose and the agent has to.
     */
    static CallContext fromRecord(CustomerCard customer) {
        if (customer == null) {
            return CallContext.EMPTY;
        }
        List<CustomerCard.Contract> active = customer.contracts().stream()
                .filter(contract -> "ACTIVE".equals(contract.status())).toList();
        if (active.size() != 1) {
            return CallContext.EMPTY;
        }
        CustomerCard.Contract contract = active.get(0);
        return new CallContext(null, contract.state(), contract.plan(), contract.contractType(), contract.role());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String code(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
