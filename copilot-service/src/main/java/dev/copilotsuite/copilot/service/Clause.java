package dev.copilotsuite.copilot.service;

import java.util.List;

import dev.copilotsuite.events.call.Evidence;

/**
 * One chunk of the policy corpus: a single {@code ###} item of a document with its paragraph, and the
 * metadata of the document it comes from. Identified by (docId, section, item).
 *
 * @param plans         ESSENTIAL, PLUS, PREMIER or ALL
 * @param contractTypes HOMEOWNER, REAL_ESTATE or ALL
 * @param states        CA, TX, FL, AZ, NY or ALL
 */
public record Clause(String docId, String title, List<String> plans, List<String> contractTypes, List<String> states,
        SectionKind section, String item, String text) {

    static final String ALL = "ALL";

    /**
     * Order of precedence (General Terms): a state addendum (0) prevails over the contract-type terms (1),
     * which prevail over the plan document (2), which prevails over the General Terms (3).
     */
    public int precedence() {
        if (!states.contains(ALL)) {
            return 0;
        }
        if (!contractTypes.contains(ALL)) {
            return 1;
        }
        return plans.contains(ALL) ? 3 : 2;
    }

    /** Whether the document this clause belongs to applies to the contract: each list holds its value or ALL. */
    public boolean appliesTo(ContractScope scope) {
        return scope.any() || holds(plans, scope.plan()) && holds(contractTypes, scope.contractType())
                && holds(states, scope.state());
    }

    public boolean isItem(String name) {
        return item.equalsIgnoreCase(name);
    }

    public Evidence evidence() {
        return new Evidence(docId, section.heading(), item, text, title);
    }

    private static boolean holds(List<String> values, String value) {
        return values.contains(ALL) || value != null && values.contains(value);
    }
}
