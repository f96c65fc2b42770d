package be.fedauth.testkit.internal;

/** Which identity provider of the fake a login goes to: the rules differ (see {@link FakeIdpContext#checkLogin}). */
public enum Idp {
    /** BOSA FAS ("CSAM"), OIDC and SAML. */
    FAS("FAS / CSAM"),
    /** The legacy social-security login (SAML only). */
    SOCIAL_SECURITY("Social security");

    private final String displayName;

    Idp(String displayName) {
        this.displayName = displayName;
    }

    /** A name for the login page. */
    public String displayName() {
        return displayName;
    }
}
