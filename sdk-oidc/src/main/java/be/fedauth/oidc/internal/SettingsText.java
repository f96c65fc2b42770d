package be.fedauth.oidc.internal;

import be.fedauth.oidc.OidcSettings;
import java.net.URI;

/** The text of {@link OidcSettings#toString()}: no secret, and every weakening named. */
public final class SettingsText {
    private SettingsText() {
    }

    /** The settings as one line for logs. */
    public static String describe(OidcSettings s) {
        return "OidcSettings[provider=" + s.providerId() + ", issuer=" + s.issuer() + ", issuerAlias="
                + s.issuerAlias().map(URI::toString).orElse("none") + ", clientId=" + s.clientId() + ", redirectUri="
                + s.redirectUri() + ", clientAuthentication=" + s.clientAuthentication() + ", scopes=" + s.scopes()
                + ", discovery=" + s.discovery() + ", algorithms=" + s.algorithms() + ", clockSkew=" + s.clockSkew()
                + ", maxTokenAge=" + s.maxTokenAge() + ", claims=" + s.claimNames()
                + (s.requireNationalNumber() ? ", requireNationalNumber" : "") + ", userinfo=" + s.userinfo()
                + (s.httpForLoopback() ? ", WEAKENED: allowHttpForLoopback" : "") + "]";
    }
}
