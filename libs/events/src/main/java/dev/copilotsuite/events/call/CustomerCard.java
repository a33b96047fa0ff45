package dev.copilotsuite.events.call;

import java.util.List;

/** What the agent sees of an identified caller: name, every contract, and the claims still open. */
public record CustomerCard(String customerId, String firstName, String lastName, String email,
        List<Contract> contracts, List<Claim> openClaims) {

    /** One warranty contract; {@code role} is BUYER or SELLER for REAL_ESTATE contracts only. */
    public record Contract(String contractId, String plan, String contractType, String role, String state,
            String status, String startDate, String endDate, Double serviceFee) {
    }

    /** A claim as the customer record holds it; {@code item} uses the corpus item names. */
    public record Claim(String claimId, String item, String status, String openedAt) {
    }
}
