package be.fedauth.testkit;

import be.fedauth.core.EnterpriseNumber;

import java.util.Objects;
import java.util.Optional;

/**
 * An enterprise of the persona file.
 *
 * @param number       enterprise number (KBO/BCE)
 * @param name         name of the enterprise
 * @param localManager persona id of its local (access) manager, if any
 */
public record PersonaEnterprise(EnterpriseNumber number, String name, Optional<String> localManager) {
    public PersonaEnterprise {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(localManager, "localManager");
    }
}
