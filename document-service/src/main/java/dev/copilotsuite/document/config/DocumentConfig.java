package dev.copilotsuite.document.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "copilot.document")
public interface DocumentConfig {

    /** GridFS bucket of the generated documents: its collections are {@code <bucket>.files} and {@code <bucket>.chunks}. */
    @WithDefault("artifacts")
    String bucket();
}
