package dev.copilotsuite.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.document.service.Risks;
import dev.copilotsuite.events.calculator.RoiOutputs;

class RisksTest {

    private static final RoiOutputs DEFAULTS = Fixtures.defaults().outputs();

    @Test
    void theDefaultsFlagNothingAndSaySo() {
        assertTrue(Risks.of(DEFAULTS).isEmpty());
        assertEquals("No risk flagged: peak utilization 114% is within the 120% threshold and the operation nets"
                + " $3.42M a month.", Risks.noneFlagged(DEFAULTS));
    }

    @Test
    void peakUtilizationOver120PercentIsFlagged() {
        // humanAgents 25 in the spec's worked example
        List<String> risks = Risks.of(with(0.914124, 1.371187, 0.918789, 3278444.203737));
        assertEquals(List.of("Peak utilization 137% is above the 120% threshold: peak-hour contacts will queue or be lost."),
                risks);
    }

    @Test
    void overloadFlagsPeakAndCapacity() {
        List<String> risks = Risks.of(with(1.05, 1.575, 0.80, 1_000_000));
        assertEquals(2, risks.size());
        assertEquals("Peak utilization 158% is above 150%: peak-hour contacts go unanswered.", risks.get(0));
        assertEquals("Utilization 105%: average demand exceeds capacity and the service level falls to 80%.",
                risks.get(1));
    }

    @Test
    void idleCapacityAndLossesAreFlagged() {
        List<String> risks = Risks.of(with(0.3, 0.45, 1, -120_000));
        assertEquals(List.of("Peak utilization 45% is below 60%: agent capacity sits idle.",
                "Net recovery -$120K a month: the operation loses money."), risks);
    }

    @Test
    void noAgentsForHumanWorkIsFlagged() {
        List<String> risks = Risks.of(with(null, null, 0, 100_000));
        assertEquals(List.of("No human capacity: the human work needs 22.9 FTE and there are no agents."), risks);
    }

    private static RoiOutputs with(Double utilization, Double peakUtilization, double serviceLevel, double netRecovery) {
        RoiOutputs d = DEFAULTS;
        return new RoiOutputs(d.totalBalance(), d.totalRecovered(), d.recoveryRate(), d.humanMinutes(),
                d.capacityMinutes(), utilization, peakUtilization, serviceLevel, d.fteRequired(), d.humanCost(),
                d.facilityCost(), d.aiCost(), d.aiMinutes(), d.totalCost(), netRecovery, d.roi(), d.costToCollect(),
                d.baselineNetRecovery(), d.incrementalNetRecovery(), d.paybackMonths(), d.aiAnnualRoi(), d.buckets());
    }
}
