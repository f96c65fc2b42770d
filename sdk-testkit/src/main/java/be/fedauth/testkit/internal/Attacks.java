package be.fedauth.testkit.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one-shot attack types, found by name so that the shell does not depend on the protocol packages:
 * {@code be.fedauth.testkit.OidcAttack} and {@code be.fedauth.testkit.SamlAttack}.
 */
public final class Attacks {
    /** The attack enum of each protocol, by protocol name of the admin API. */
    static final String OIDC = "be.fedauth.testkit.OidcAttack";
    static final String SAML = "be.fedauth.testkit.SamlAttack";

    private Attacks() {
    }

    /** Whether {@code attack} is a constant of one of the attack enums. */
    public static boolean isAttack(Enum<?> attack) {
        String type = Objects.requireNonNull(attack, "attack").getDeclaringClass().getName();
        return type.equals(OIDC) || type.equals(SAML);
    }

    /** The attack of this protocol ({@code oidc} or {@code saml}) and name, if both exist. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Optional<Enum<?>> find(String protocol, String name) {
        String type = switch (protocol.toLowerCase(Locale.ROOT)) {
            case "oidc" -> OIDC;
            case "saml" -> SAML;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        try {
            Class<?> enumType = Class.forName(type, true, Attacks.class.getClassLoader());
            if (!enumType.isEnum()) {
                return Optional.empty();
            }
            return Optional.of(Enum.valueOf((Class) enumType, name.toUpperCase(Locale.ROOT)));
        } catch (ClassNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The protocol name of an attack: {@code oidc} or {@code saml}. */
    public static String protocolOf(Enum<?> attack) {
        return attack.getDeclaringClass().getName().equals(OIDC) ? "oidc" : "saml";
    }
}
