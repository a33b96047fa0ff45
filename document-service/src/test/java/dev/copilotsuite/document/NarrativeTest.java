package dev.copilotsuite.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.copilotsuite.document.service.Narrative;
import dev.copilotsuite.events.format.Figures;

class NarrativeTest {

    private static final Map<String, String> FIGURES = Map.of("netRecovery", "$3.42M", "roi", "18.5×");

    @Test
    void aDraftWithOnlyKnownPlaceholdersIsFilledParagraphByParagraph() {
        assertEquals(Optional.of(List.of("It nets $3.42M a month.", "A return of 18.5× on cost.")),
                Narrative.accept("It nets **{netRecovery}** a month.\n\n  A return of {roi}\non cost.", FIGURES));
    }

    @Test
    void aDraftThatTypesANumberIsRejected() {
        for (String draft : new String[] {"It nets 3.42 million.", "It nets {netRecovery}, up 5%.", "Costs fell by half.",
            "Recovery doubled, twice the rate.", "Net recovery is three hundred thousand.", "It nets ３ dollars.",
            "It nets {netRecovery} and {unknown}.", "It nets {netRecovery} {", "It nets }", "", " ",
            "x".repeat(2401)}) {
            assertEquals(Optional.empty(), Narrative.accept(draft, FIGURES), draft);
        }
    }

    @Test
    void everyTemplatePlaceholderIsAFigureAndNoFigureIsTypedInAVersionsProse() {
        for (long version : new long[] {7, 8, 9}) {
            Narrative.Text text = Fixtures.offlineNarrative().write(Fixtures.state(version), Fixtures.drivers(version), 2);
            assertEquals(Narrative.Source.TEMPLATE, text.source());
            String prose = String.join(" ", text.paragraphs());
            assertFalse(prose.contains("{"), prose);
            assertTrue(prose.contains("At calculator version " + version + " the operation recovers "
                    + Figures.money(Fixtures.state(version).outputs().totalRecovered())), prose);
        }
    }
}
