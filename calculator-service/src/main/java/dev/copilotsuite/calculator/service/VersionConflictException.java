package dev.copilotsuite.calculator.service;

/** A change was made against a version that is no longer the latest. */
public class VersionConflictException extends RuntimeException {

    private final long expectedVersion;
    private final long currentVersion;

    public VersionConflictException(long expectedVersion, long currentVersion) {
        super("The calculator changed meanwhile: the change was made against version " + expectedVersion
                + " but the latest is " + currentVersion + ". Reload and try again.");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
