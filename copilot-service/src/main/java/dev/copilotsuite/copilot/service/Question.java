package dev.copilotsuite.copilot.service;

import java.util.List;

/**
 * One thing the caller asks about, resolved to the corpus's names.
 *
 * @param item              the corpus item (a thing, a service, an exclusion or a term)
 * @param part              the part of the item asked about, or the exclusion clause that names it; null for the whole item
 * @param partWords         the words a clause uses for the part
 * @param term              the item is a term of the contract, not a thing
 * @param causes            why the item failed, as corpus items (Power surge, Sediment and scale, ...)
 * @param asksWaitingPeriod the caller asks whether the waiting period lets this through
 * @param amount            the largest dollar amount the caller attaches to it, or null
 * @param replacement       the caller asks for a replacement rather than a repair
 * @param leak              the caller speaks of a leak
 */
public record Question(String item, String part, String partWords, boolean term, List<String> causes,
        boolean asksWaitingPeriod, Integer amount, boolean replacement, boolean leak) {

    /** What identifies the question across a call: a repeated question updates its card. */
    public String key() {
        return part == null ? item : item + " / " + part;
    }
}
