package dev.copilotsuite.document.service;

import java.util.ArrayList;
import java.util.List;

import dev.copilotsuite.events.calculator.RoiOutputs;
import dev.copilotsuite.events.format.Figures;

/**
 * The risks a document states, read off the model's outputs with the thresholds of the proactive
 * insights in shared/design/roi-model.md, so the PDF and the chat flag the same conditions.
 */
public final class Risks {

    static final double PEAK_UTILIZATION_HIGH = 1.20;
    static final double PEAK_UTILIZATION_CRITICAL = 1.50;
    static final double CAPACITY_SHORTFALL = 1.00;
    static final double IDLE_CAPACITY = 0.60;

    private Risks() {
    }

    /** The risks of a state, most severe first; empty when none is flagged. */
    public static List<String> of(RoiOutputs outputs) {
        List<String> risks = new ArrayList<>();
        Double peak = outputs.peakUtilization();
        if (peak == null && outputs.humanMinutes() > 0) {
            risks.add("No human capacity: the human work needs " + Figures.oneDecimal(outputs.fteRequired())
                    + " FTE and there are no agents.");
        } else if (peak != null && peak > PEAK_UTILIZATION_CRITICAL) {
            risks.add("Peak utilization " + Figures.percent(peak) + " is above 150%: peak-hour contacts go unanswered.");
        } else if (peak != null && peak > PEAK_UTILIZATION_HIGH) {
            risks.add("Peak utilization " + Figures.percent(peak)
                    + " is above the 120% threshold: peak-hour contacts will queue or be lost.");
        }
        if (outputs.utilization() != null && outputs.utilization() > CAPACITY_SHORTFALL) {
            risks.add("Utilization " + Figures.percent(outputs.utilization())
                    + ": average demand exceeds capacity and the service level falls to "
                    + Figures.percent(outputs.serviceLevel()) + ".");
        }
        if (peak != null && peak < IDLE_CAPACITY) {
            risks.add("Peak utilization " + Figures.percent(peak) + " is below 60%: agent capacity sits idle.");
        }
        if (outputs.netRecovery() < 0) {
            risks.add("Net recovery " + Figures.money(outputs.netRecovery()) + " a month: the operation loses money.");
        }
        return risks;
    }

    /** What a document says when {@link #of} flags nothing. */
    public static String noneFlagged(RoiOutputs outputs) {
        return "No risk flagged: peak utilization " + Figures.percent(outputs.peakUtilization())
                + " is within the 120% threshold and the operation nets " + Figures.money(outputs.netRecovery())
                + " a month.";
    }
}
