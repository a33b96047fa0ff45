package dev.copilotsuite.events.call;

/**
 * What the copilot knows of a call's contract. Any field may be null until a segment, the agent's
 * copilot_enable or a customer record supplies it.
 *
 * @param role BUYER or SELLER, for REAL_ESTATE contracts only
 */
public record CallContext(String phone, String state, String plan, String contractType, String role) {

    public static final CallContext EMPTY = new CallContext(null, null, null, null, null);

    /** This context, with each missing field taken from {@code fallback}. */
    public CallContext orElse(CallContext fallback) {
        if (fallback == null) {
            return this;
        }
        return new CallContext(
                phone != null ? phone : fallback.phone,
                state != null ? state : fallback.state,
                plan != null ? plan : fallback.plan,
                contractType != null ? contractType : fallback.contractType,
                role != null ? role : fallback.role);
    }
}
