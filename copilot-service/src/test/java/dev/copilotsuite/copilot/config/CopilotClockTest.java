package dev.copilotsuite.copilot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** COPILOT_TODAY fixes the copilot's date outside production only. */
class CopilotClockTest {

    private static final LocalDate LONG_AGO = LocalDate.parse("2001-01-01");

    @Test
    void aConfiguredDayIsTodayOutsideProduction() {
        Clock clock = CopilotClock.of(Optional.of(LONG_AGO), false);
        assertEquals(LONG_AGO, LocalDate.now(clock));
    }

    @Test
    void productionIgnoresAConfiguredDay() {
        assertNotEquals(LONG_AGO, LocalDate.now(CopilotClock.of(Optional.of(LONG_AGO), true)));
        assertEquals(LocalDate.now(Clock.systemUTC()), LocalDate.now(CopilotClock.of(Optional.empty(), false)));
    }
}
