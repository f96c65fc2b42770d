package be.fedauth.core;

import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise, its local manager (gestionnaire local), in principle one, who must be on its payroll
 * and who gives roles to colleagues (the customs page of 2019), and its access management in the CSAM
 * model of today (legal representatives, Chief Access Manager and co-managers, access managers per
 * domain). Either or both may be known.
 *
 * @param number the enterprise number
 * @param name the registered name
 * @param localManager the national register number of the local manager, once named
 * @param access the CSAM access management; {@link AccessManagement#NONE} when not declared
 */
public record Enterprise(EnterpriseNumber number, String name, Optional<NationalRegisterNumber> localManager,
                         AccessManagement access) {
    /** Validates. */
    public Enterprise {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(localManager, "localManager");
        Objects.requireNonNull(access, "access");
    }

    /** An enterprise described by its local manager alone (the 2019 model). */
    public Enterprise(EnterpriseNumber number, String name, Optional<NationalRegisterNumber> localManager) {
        this(number, name, localManager, AccessManagement.NONE);
    }
}
