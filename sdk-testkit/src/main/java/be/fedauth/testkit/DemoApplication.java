package be.fedauth.testkit;

import be.fedauth.testkit.internal.TestKeys;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The demo application the default personas register: an OIDC client and a SAML service provider on
 * {@code http://127.0.0.1:8080}, so that a demo or a quick test can log in to a fake started with the
 * defaults without registering anything. Its SAML key is a public test key shipped in the testkit jar.
 */
public final class DemoApplication {
    /** OIDC client id. */
    public static final String OIDC_CLIENT_ID = "fedauth-demo";
    /** OIDC client secret ({@code client_secret_basic}); a public test value. */
    public static final String OIDC_CLIENT_SECRET = "fedauth-demo-secret";
    /** The OIDC redirect URI on 127.0.0.1 ({@code http://localhost:8080/callback/oidc} is registered too). */
    public static final URI OIDC_REDIRECT_URI = URI.create("http://127.0.0.1:8080/callback/oidc");
    /** SAML service provider entity id. */
    public static final String SAML_ENTITY_ID = "http://127.0.0.1:8080/saml/sp";
    /** SAML assertion consumer service URL. */
    public static final URI SAML_ACS_URL = URI.create("http://127.0.0.1:8080/callback/saml");
    /** SAML single-logout URL: the fake sends its LogoutResponse there (HTTP-Redirect). */
    public static final URI SAML_SINGLE_LOGOUT_URL = URI.create("http://127.0.0.1:8080/logout/saml");

    private DemoApplication() {
    }

    /** The SAML service provider's private key (signs AuthnRequests, decrypts assertions); a test key. */
    public static PrivateKey samlPrivateKey() {
        return TestKeys.shipped(TestKeys.DEMO_SP).privateKey();
    }

    /** The SAML service provider's certificate, registered in the default personas for signing and encryption. */
    public static X509Certificate samlCertificate() {
        return TestKeys.shipped(TestKeys.DEMO_SP).certificate();
    }
}
