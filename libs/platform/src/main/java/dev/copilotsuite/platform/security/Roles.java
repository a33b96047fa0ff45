package dev.copilotsuite.platform.security;

/** The groups a bearer token can carry. */
public final class Roles {

    /** A person in a browser, with a {@code tenant} claim. */
    public static final String USER = "user";
    /** Another service of the suite. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
