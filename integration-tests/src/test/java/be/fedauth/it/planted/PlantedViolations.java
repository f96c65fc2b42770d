package be.fedauth.it.planted;

import be.fedauth.oidc.OidcSettings;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Breaks every house rule on purpose, outside any internal package, so that ArchitectureTest can show
 * each rule failing. Never used.
 */
public final class PlantedViolations {
    private PlantedViolations() {
    }

    /** A Nimbus type in a public signature, a container type, and a relying-party type. */
    public static SignedJWT planted(HttpServletRequest request, OidcSettings settings) {
        return null;
    }
}
