package be.fedauth.core;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The text form in which an identity provider releases a role or a mandate, one value per grant, in
 * the OIDC {@code roles} / {@code mandates} claims and the SAML attributes of the same names.
 *
 * <p>FAS does not publish the format of its {@code roles} claim, nor whether it releases mandates;
 * this is fedauth's own form, used by the testkit's fake FAS and read by both protocol modules:
 * <ul>
 *   <li>role: {@code EService|enterprise number (10 digits)|role name|valid from|valid until or empty}</li>
 *   <li>mandate: {@code giver enterprise number|holder national number|type|EService,EService|valid from|valid until}</li>
 * </ul>
 * Instants are ISO-8601 ({@code 2024-01-01T00:00:00Z}). Identity providers release only accepted
 * roles and signed mandates, so parsed roles are {@link RoleState#ACCEPTED} and parsed mandates
 * signed by both parties; their dates are still checked by {@link AccessPolicy}.
 */
public final class ReleasedClaims {
    private static final int MAX_LENGTH = 1024;

    private ReleasedClaims() {
    }

    /** The text form of a role grant. */
    public static String formatRole(RoleGrant role) {
        check(role.eServiceId());
        check(role.roleName());
        return role.eServiceId() + "|" + role.enterprise().digits() + "|" + role.roleName() + "|" + role.validFrom()
                + "|" + role.validUntil().map(Instant::toString).orElse("");
    }

    /**
     * Reads a released role.
     *
     * @throws AuthenticationException {@link ErrorCode#MALFORMED_RESPONSE} when it is not in the form above
     */
    public static RoleGrant parseRole(String text) {
        String[] parts = split(text, 5, "role");
        try {
            return new RoleGrant(parts[0], EnterpriseNumber.parse(parts[1]), parts[2], RoleState.ACCEPTED,
                    Instant.parse(parts[3]), parts[4].isEmpty() ? Optional.empty() : Optional.of(Instant.parse(parts[4])));
        } catch (FedAuthException | DateTimeParseException | IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "a released role is malformed", e);
        }
    }

    /** The text form of a mandate. */
    public static String formatMandate(Mandate mandate) {
        check(mandate.type());
        mandate.eServiceIds().forEach(ReleasedClaims::check);
        return mandate.giver().digits() + "|" + mandate.holder().digits() + "|" + mandate.type() + "|"
                + String.join(",", mandate.eServiceIds().stream().sorted().toList()) + "|" + mandate.validFrom()
                + "|" + mandate.validUntil();
    }

    /**
     * Reads a released mandate.
     *
     * @throws AuthenticationException {@link ErrorCode#MALFORMED_RESPONSE} when it is not in the form above
     */
    public static Mandate parseMandate(String text) {
        String[] parts = split(text, 6, "mandate");
        try {
            Set<String> services = new LinkedHashSet<>(Arrays.asList(parts[3].split(",")));
            services.remove("");
            return new Mandate(EnterpriseNumber.parse(parts[0]), NationalRegisterNumber.parse(parts[1]), parts[2],
                    services, Instant.parse(parts[4]), Instant.parse(parts[5]), true, true);
        } catch (FedAuthException | DateTimeParseException | IllegalArgumentException e) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "a released mandate is malformed", e);
        }
    }

    private static String[] split(String text, int fields, String what) {
        Objects.requireNonNull(text, what);
        if (text.length() > MAX_LENGTH) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "a released " + what + " is too long");
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != fields) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE,
                    "a released " + what + " has " + parts.length + " fields instead of " + fields);
        }
        return parts;
    }

    private static void check(String value) {
        if (value.indexOf('|') >= 0 || value.indexOf(',') >= 0) {
            throw new IllegalArgumentException("'|' and ',' cannot appear in a released value");
        }
    }
}
