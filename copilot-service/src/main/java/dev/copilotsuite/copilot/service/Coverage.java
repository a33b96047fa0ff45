package dev.copilotsuite.copilot.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.copilotsuite.events.call.CallContext;
import dev.copilotsuite.events.call.CustomerCard;

/**
 * The contract a call's questions are decided under: the scope the call's context gives (which plan's
 * documents apply), and the dates of the caller's matching contract when the caller is known.
 *
 * @param startDate the start of the caller's contract of the context's state and contract type; null when
 *                  the caller is unknown or has no such contract
 * @param ended     that contract has expired or was cancelled, or today is past its end date
 */
public record Coverage(ContractScope scope, LocalDate startDate, LocalDate endDate, boolean ended) {

    private static final Set<String> CLOSED = Set.of("EXPIRED", "CANCELLED");
    private static final String REAL_ESTATE = "REAL_ESTATE";

    /**
     * The decision follows the call's context; the caller's record only supplies dates (and a real estate
     * role the context lacks), from the contract of the same state and type: the one in force today, else
     * one still to start, else the one that ended last.
     */
    public static Coverage of(CallContext context, CustomerCard customer, LocalDate today) {
        String given = REAL_ESTATE.equals(context.contractType()) ? context.role() : null;
        List<CustomerCard.Contract> matching = customer == null || customer.contracts() == null ? List.of()
                : customer.contracts().stream()
                        .filter(contract -> same(contract.state(), context.state())
                                && same(contract.contractType(), context.contractType())
                                && (given == null || contract.role() == null || same(contract.role(), given)))
                        .filter(contract -> date(contract.startDate()).isPresent() && date(contract.endDate()).isPresent())
                        .toList();
        Optional<CustomerCard.Contract> chosen = matching.stream()
                .filter(contract -> open(contract) && !start(contract).isAfter(today) && !end(contract).isBefore(today))
                .findFirst()
                .or(() -> matching.stream().filter(contract -> open(contract) && start(contract).isAfter(today))
                        .min(Comparator.comparing(Coverage::start)))
                .or(() -> matching.stream().max(Comparator.comparing(Coverage::end)));
        String role = given != null || !REAL_ESTATE.equals(context.contractType()) ? given
                : chosen.map(CustomerCard.Contract::role).orElse(null);
        ContractScope scope = new ContractScope(context.plan(), context.contractType(), context.state(), role);
        return chosen.map(contract -> new Coverage(scope, start(contract), end(contract),
                !open(contract) || end(contract).isBefore(today))).orElse(new Coverage(scope, null, null, false));
    }

    /** The contract's coverage starts after {@code today} (a renewal or a closing still to come). */
    public boolean startsAfter(LocalDate today) {
        return startDate != null && startDate.isAfter(today);
    }

    private static boolean open(CustomerCard.Contract contract) {
        return !CLOSED.contains(contract.status());
    }

    private static LocalDate start(CustomerCard.Contract contract) {
        return date(contract.startDate()).orElseThrow();
    }

    private static LocalDate end(CustomerCard.Contract contract) {
        return date(contract.endDate()).orElseThrow();
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean same(String a, String b) {
        return a != null && a.equalsIgnoreCase(b);
    }
}
