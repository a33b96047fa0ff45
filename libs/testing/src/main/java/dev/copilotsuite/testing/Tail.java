package dev.copilotsuite.testing;

import java.util.List;
import java.util.stream.Collectors;

/** What an await failure prints of what did arrive: a count and the newest few, each cut short, so a log stays readable. */
final class Tail {

    static final int SHOWN = 5;
    static final int CHARS = 300;

    private Tail() {
    }

    static String of(List<?> received) {
        List<?> newest = received.subList(Math.max(0, received.size() - SHOWN), received.size());
        return received.size() + " received; the newest: " + newest.stream().map(String::valueOf)
                .map(s -> s.length() > CHARS ? s.substring(0, CHARS) + "…" : s).collect(Collectors.joining(" | "));
    }
}
