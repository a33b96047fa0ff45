package dev.copilotsuite.copilot.security;

/** The group a token needs to change the policy corpus every tenant's calls are answered from. */
public final class PolicyRoles {

    /** Minted by {@code ./copilot ingest} for a local run; a person with only the user group cannot ingest. */
    public static final String POLICY_ADMIN = "policy-admin";

    private PolicyRoles() {
    }
}
