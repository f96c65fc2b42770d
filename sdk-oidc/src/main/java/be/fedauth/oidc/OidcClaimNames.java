package be.fedauth.oidc;

import be.fedauth.core.spi.IdentityNames;

/**
 * The claim names presets read the identity from ({@link OidcSettings.Builder#claimNames}): each field's
 * candidates are tried in order, the first claim present counts. The national number is only ever read
 * from the ID token or a signed userinfo response, never from plain userinfo JSON.
 */
public final class OidcClaimNames {
    /**
     * FAS's names first, then the standard ones (fas-reference.md): {@code givenName} (first name) or
     * {@code given_name}, {@code surname} or {@code family_name}, {@code mail} or {@code email},
     * {@code prefLanguage} or {@code locale}, and the national number in {@code egovNRN}.
     */
    public static final IdentityNames FAS = IdentityNames.parse("given-name=givenName,given-name=given_name,"
            + "family-name=surname,family-name=family_name,email=mail,email=email,language=prefLanguage,"
            + "language=locale,national-number=egovNRN");

    /**
     * The OpenID Connect standard claims (OIDC Core 5.1): {@code given_name}, {@code family_name},
     * {@code email}, {@code locale}. No national number: no standard claim carries it; name yours with
     * {@code national-number=...}.
     */
    public static final IdentityNames STANDARD = IdentityNames.parse("given-name=given_name,family-name=family_name,"
            + "email=email,language=locale");

    private OidcClaimNames() {
    }
}
