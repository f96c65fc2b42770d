package be.fedauth.testkit;

/**
 * The endpoints of the fake IdP, by path relative to its base URL; faults and recorded requests are
 * chosen per endpoint. Every path is also listed in {@code docs/testkit.md}.
 */
public enum Endpoint {
    OIDC_DISCOVERY("/fas/oauth2/.well-known/openid-configuration"),
    OIDC_AUTHORIZE("/fas/oauth2/authorize"),
    OIDC_TOKEN("/fas/oauth2/access_token"),
    OIDC_USERINFO("/fas/oauth2/userinfo"),
    OIDC_INTROSPECT("/fas/oauth2/introspect"),
    OIDC_JWKS("/fas/oauth2/connect/jwk_uri"),
    OIDC_END_SESSION("/fas/oauth2/connect/endSession"),
    SAML_METADATA("/fas/saml/metadata"),
    SAML_SSO("/fas/SSORedirect/metaAlias/idp"),
    SAML_SLO("/fas/SLO/metaAlias/idp"),
    SOCIAL_SECURITY_METADATA("/socsec/saml/metadata"),
    SOCIAL_SECURITY_SSO("/socsec/sso"),
    SOCIAL_SECURITY_SLO("/socsec/slo"),
    LOGIN_PAGE("/testkit/login");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The path, starting with {@code /}. */
    public String path() {
        return path;
    }
}
