package be.fedauth.oidc.internal;

import be.fedauth.oidc.OidcSettings;

/** Issuer comparison: exact string equality with the configured issuer or its one declared alias. */
final class Issuers {
    private Issuers() {
    }

    /** Whether {@code value} is the issuer or the alias, compared as written (OIDC Core 3.1.3.7 step 2). */
    static boolean accepted(OidcSettings settings, String value) {
        return settings.issuer().toString().equals(value)
                || settings.issuerAlias().map(a -> a.toString().equals(value)).orElse(false);
    }

    /** An untrusted issuer value fit for a message: at most 200 characters, control characters replaced. */
    static String shown(String value) {
        String cut = value.length() > 200 ? value.substring(0, 200) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
