package dev.copilotsuite.copilot.service;

/**
 * The contract a question is asked under, as the call's context gives it: what selects the documents
 * and clauses that apply.
 *
 * @param role BUYER or SELLER for REAL_ESTATE contracts, else null
 */
public record ContractScope(String plan, String contractType, String state, String role) {

    /** Every document, whatever contract it is written for: for facts about the corpus itself. */
    public static final ContractScope ANY = new ContractScope(null, null, null, null);

    boolean any() {
        return this == ANY;
    }
}
