package dev.copilotsuite.document.service;

import java.time.Instant;
import java.util.List;

import dev.copilotsuite.events.calculator.CalculatorState;
import dev.copilotsuite.events.calculator.DriversView;

/**
 * Everything an executive summary prints, each figure from calculator-service for one state version.
 *
 * @param drivers     the decompositions and sensitivities of that same version
 * @param scenarios   the conversation's what-ifs evaluated on that version, oldest first (may be empty)
 * @param narrative   the summary's paragraphs, figures already inserted by code
 * @param requestedBy who asked, or null
 */
public record SummaryContent(CalculatorState state, DriversView drivers, List<ScenarioOutcome> scenarios,
        Narrative.Text narrative, String tenantId, String requestedBy, Instant generatedAt) {

    public SummaryContent {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    }
}
