package be.fedauth.core;

/** Where a {@link Transition} stands at a given instant. */
public enum TransitionPhase {
    /** Only the legacy provider is offered. */
    BEFORE_CUTOVER,
    /** Both are offered, the successor first; legacy logins carry a notice with the last day. */
    GRACE,
    /** Only the successor is offered. */
    AFTER_GRACE
}
