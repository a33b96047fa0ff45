package dev.copilotsuite.copilot.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.smallrye.config.SmallRyeConfig;

/** The one clock the copilot judges contract dates by: the real one, or the fixed day COPILOT_TODAY names. */
public class CopilotClock {

    private static final Logger LOG = Logger.getLogger(CopilotClock.class);
    private static final String PROD = "prod";

    @Produces
    @Singleton
    Clock clock(CopilotConfig copilot, Config config) {
        return of(copilot.today(), config.unwrap(SmallRyeConfig.class).getProfiles().contains(PROD));
    }

    /** A fixed day outside production, so evaluations and tests see the dates the sample data assumes. */
    static Clock of(Optional<LocalDate> today, boolean production) {
        if (today.isEmpty()) {
            return Clock.systemUTC();
        }
        if (production) {
            LOG.warnf("COPILOT_TODAY=%s is ignored in the prod profile; the real date applies", today.get());
            return Clock.systemUTC();
        }
        LOG.infof("contract dates are judged as of %s (COPILOT_TODAY)", today.get());
        return Clock.fixed(today.get().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }
}
