package be.fedauth.core;

import java.util.Objects;

/**
 * Who can grant the role a denied user lacks, as {@link AccessPolicy} names it in an {@link AccessDecision}.
 *
 * @param kind which function (never a person's name or number)
 * @param domain the role's domain in role management (e.g. {@code FINANCIEN})
 */
public record Grantor(Kind kind, String domain) {
    /** The function that can grant the role. */
    public enum Kind {
        /** The enterprise's local manager (the customs page of 2019). */
        LOCAL_MANAGER,
        /** An access manager of the enterprise for the role's domain. */
        ACCESS_MANAGER,
        /** The enterprise's Chief Access Manager or a co-manager (no access manager for the domain). */
        CHIEF_ACCESS_MANAGER,
        /** No Chief Access Manager yet: a legal representative must designate one first. */
        LEGAL_REPRESENTATIVE,
        /** The user manages access for the domain and can grant the role to themselves. */
        THE_USER
    }

    /** Validates. */
    public Grantor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(domain, "domain");
    }
}
