package be.fedauth.core;

/** Where a role stands in role management. A role counts only once {@link #ACCEPTED}. */
public enum RoleState {
    /** Created by the local manager, not yet accepted by the colleague. */
    PROPOSED,
    /** Accepted by the colleague: it gives access while current. */
    ACCEPTED,
    /** Withdrawn by the local manager. */
    REVOKED
}
