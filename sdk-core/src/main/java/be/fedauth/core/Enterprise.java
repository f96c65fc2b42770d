package be.fedauth.core;

import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise and its local manager (gestionnaire local), in principle one, who must be on its
 * payroll and who gives roles to colleagues.
 *
 * @param number the enterprise number
 * @param name the registered name
 * @param localManager the national register number of the local manager, once named
 */
public record Enterprise(EnterpriseNumber number, String name, Optional<NationalRegisterNumber> localManager) {
    /** Validates. */
    public Enterprise {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(localManager, "localManager");
    }
}
