package dev.copilotsuite.copilot.service;

import java.util.Arrays;
import java.util.Optional;

/** The six kinds of {@code ##} section a policy document may have, by the heading that names them. */
public enum SectionKind {
    COVERED("Covered"),
    NOT_COVERED("Not covered"),
    LIMITS("Limits"),
    CONDITIONS("Conditions"),
    CLAIMS_PROCESS("Claims process"),
    DEFINITIONS("Definitions");

    private final String heading;

    SectionKind(String heading) {
        this.heading = heading;
    }

    /** The heading as documents write it, and as evidence cites it. */
    public String heading() {
        return heading;
    }

    public static Optional<SectionKind> ofHeading(String heading) {
        return Arrays.stream(values()).filter(kind -> kind.heading.equals(heading)).findFirst();
    }
}
