package dev.copilotsuite.copilot.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.copilot")
public interface CopilotConfig {

    Customers customers();

    /** The region a phone number without a country code is read in. */
    @WithDefault("US")
    String phoneRegion();

    interface Customers {

        /**
         * A customer directory in the shape of shared/data/customers.json, imported at start-up; without
         * one, every caller is looked up against the customers already stored.
         */
        Optional<Path> file();

        /** The tenant the imported customers belong to: a call finds only its own tenant's customers. */
        String tenant();
    }
}
