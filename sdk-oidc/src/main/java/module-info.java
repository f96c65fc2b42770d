/** fedauth OpenID Connect: log in with BOSA FAS (or another OpenID provider) through the authorization code flow. */
module be.fedauth.oidc {
    requires transitive be.fedauth.core;
    requires com.nimbusds.jose.jwt;
    requires oauth2.oidc.sdk;
    requires org.bouncycastle.provider;
    requires java.net.http;

    exports be.fedauth.oidc;
}
