package dev.copilotsuite.copilot.service;

import java.time.LocalDate;
import java.util.List;

import dev.copilotsuite.events.call.Decision;

/**
 * How a question is decided, and what decided it: {@code evidence.get(0)} is the deciding clause, the
 * others support it. The figures are what a script tells the caller.
 *
 * @param quote  the sentence of the deciding clause that decided
 * @param cap    the dollar cap that applies, or null
 * @param amount the amount the caller named, or null
 * @param date   the date that matters (contract end, end of the waiting period), or null
 */
public record Answer(Decision decision, Reason reason, List<Clause> evidence, String quote, Integer cap,
        Integer amount, LocalDate date) {

    /** Why the decision is what it is: the script's template. */
    public enum Reason {
        /** Covered, and nothing limits this request. */
        COVERED,
        /** A clause excludes the item, its part or its cause. */
        EXCLUDED,
        /** No clause of the contract's documents covers the item. */
        NOT_IN_PLAN,
        /** The contract has ended or was cancelled. */
        NO_CONTRACT,
        /** Something broke before the contract's coverage starts. */
        NOT_STARTED,
        /** The contract's role (a seller's listing period) leaves the item out. */
        ROLE_LIMIT,
        /** The failure falls in the waiting period. */
        WAITING_PERIOD,
        /** The plan covers part of the item (a repair) but not the rest (a replacement). */
        SPLIT,
        /** The amount asked for is above a cap. */
        CAPPED,
        /** A term of the contract, answered from its clause. */
        TERM
    }
}
