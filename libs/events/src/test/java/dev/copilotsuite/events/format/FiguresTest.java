package dev.copilotsuite.events.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void moneyHasThreeSignificantFiguresAndASuffix() {
        assertEquals("$3.60M", Figures.money(3600892.11679));
        assertEquals("$3.42M", Figures.money(3416392.11679));
        assertEquals("$157K", Figures.money(157250.0));
        assertEquals("$17.8K", Figures.money(17812.4));
        assertEquals("$185K", Figures.money(184500.0));
        assertEquals("$950", Figures.money(949.6));
        assertEquals("$1.00M", Figures.money(999_950.0));
        assertEquals("$1.00K", Figures.money(999.7));
        assertEquals("-$1.53M", Figures.money(-1_534_000.0));
        assertEquals("$0", Figures.money(0.0));
        assertEquals("$2.50B", Figures.money(2.5e9));
        assertEquals("n/a", Figures.money(null));
    }

    @Test
    void ratesAreWholePercent() {
        assertEquals("114%", Figures.percent(1.142656));
        assertEquals("76%", Figures.percent(0.761770));
        assertEquals("9%", Figures.percent(0.091062));
        assertEquals("n/a", Figures.percent(null));
    }

    @Test
    void costToCollectAndDecimals() {
        assertEquals("$0.18", Figures.perDollar(0.179860));
        assertEquals("$0.05", Figures.perDollar(0.051237));
        assertEquals("22.9", Figures.oneDecimal(22.853111));
        assertEquals("18.5", Figures.oneDecimal(18.517030));
        assertEquals("3.8", Figures.oneDecimal(3.845690));
        assertEquals("18.5×", Figures.multiple(18.517030));
        assertEquals("n/a", Figures.multiple(null));
        assertEquals("bucket 3", Figures.bucket("bucket3"));
    }
}
