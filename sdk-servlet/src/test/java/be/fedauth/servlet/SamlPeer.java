package be.fedauth.servlet;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.CallbackRequest;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.LoginRedirect;
import be.fedauth.core.LoginRequest;
import be.fedauth.core.LogoutRequest;
import be.fedauth.core.PendingLogin;
import be.fedauth.core.ProviderId;
import be.fedauth.core.SessionReference;
import be.fedauth.core.SettableClock;
import be.fedauth.core.SingleLogout;
import be.fedauth.saml.IdpMetadataSource;
import be.fedauth.saml.SamlProvider;
import be.fedauth.saml.SamlSessionValues;
import be.fedauth.saml.SamlSettings;
import be.fedauth.saml.SpKey;
import be.fedauth.saml.SpKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A SAML identity provider written for these tests (its key and certificate in test resources), and
 * the portal's provider for it: a real {@link SamlProvider} for metadata and single logout, whose
 * login part is faked as {@link FakeProvider}'s POST flavour (logins are tested in sdk-saml) and
 * leaves a session with a SAML NameID and SessionIndex. The identity provider writes its logout
 * messages by hand (XML text, raw DEFLATE, RSA-SHA256 over the query string as SAML Bindings 3.4.4.1
 * says), independently of the SDK's own encoder.
 */
final class SamlPeer {
    static final String IDP_ENTITY_ID = "https://idp.example.be/saml";
    static final String IDP_SLO = "https://idp.example.be/saml/slo";
    static final String SP_ENTITY_ID = "https://portal.example.be/saml/sp";
    static final String ACS = "https://portal.example.be/callback/saml";
    static final String SLO = "https://portal.example.be/saml/slo";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    final PrivateKey idpKey = privateKey("idp");
    final X509Certificate idpCertificate = certificate("idp");
    final X509Certificate spCertificate = certificate("sp");
    final SamlProvider saml;
    final AuthenticationProvider provider;
    private final SettableClock clock;

    /** A peer whose provider has this id and, with {@code singleLogout}, the single-logout URL {@link #SLO}. */
    SamlPeer(String id, SettableClock clock, boolean singleLogout) {
        this.clock = clock;
        SamlSettings.Builder settings = SamlSettings.builder(ProviderId.of(id), SP_ENTITY_ID, URI.create(ACS),
                SpKeys.of(SpKey.fromPem(resource("sp.key.pem"), resource("sp.cert.pem"))),
                IdpMetadataSource.fromXml(metadata(), IDP_ENTITY_ID).allowUnsignedMetadata().clock(clock).build())
                .clock(clock);
        if (singleLogout) {
            settings.singleLogoutUrl(URI.create(SLO));
        }
        this.saml = SamlProvider.create(settings.build());
        this.provider = new Portal(saml, new FakeProvider(id, FakeProvider.Flavour.POST, EnumSet.of(DigitalKey.EID), clock));
    }

    /** The NameID the identity provider gives {@code persona}. */
    static String nameId(Persona persona) {
        return "_name-" + persona.code();
    }

    /** A signed IdP-initiated LogoutRequest for {@code persona}'s session {@code sessionIndex}, as a raw query. */
    String logoutRequest(String id, Persona persona, String sessionIndex, String relayState) {
        String xml = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"" + id + "\" Version=\"2.0\""
                + " IssueInstant=\"" + clock.instant() + "\" Destination=\"" + SLO + "\"><saml:Issuer>"
                + IDP_ENTITY_ID + "</saml:Issuer><saml:NameID Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:"
                + "transient\">" + nameId(persona) + "</saml:NameID><samlp:SessionIndex>" + sessionIndex
                + "</samlp:SessionIndex></samlp:LogoutRequest>";
        return signed("SAMLRequest", xml, relayState, idpKey);
    }

    /** A signed LogoutResponse (status Success) to the SP's LogoutRequest {@code inResponseTo}, as a raw query. */
    String logoutResponse(String inResponseTo, String relayState) {
        String xml = "<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_r" + Math.abs(inResponseTo.hashCode())
                + "\" Version=\"2.0\" IssueInstant=\"" + clock.instant() + "\" Destination=\"" + SLO
                + "\" InResponseTo=\"" + inResponseTo + "\"><saml:Issuer>" + IDP_ENTITY_ID + "</saml:Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
                + "</samlp:Status></samlp:LogoutResponse>";
        return signed("SAMLResponse", xml, relayState, idpKey);
    }

    /** The same message signed by another key. */
    String signedByAnotherKey(String parameter, String query) {
        String xml = new String(inflate(parameter(query, parameter)), StandardCharsets.UTF_8);
        return signed(parameter, xml, parameter(query, "RelayState"), privateKey("sp"));
    }

    /** The decoded value of one parameter of a query or URL. */
    static String parameter(String queryOrUrl, String name) {
        String query = queryOrUrl.contains("?") ? queryOrUrl.substring(queryOrUrl.indexOf('?') + 1) : queryOrUrl;
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new IllegalArgumentException("no " + name);
    }

    /** The XML of an HTTP-Redirect message. */
    static byte[] inflate(String base64) {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(base64)),
                new java.util.zip.Inflater(true))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the detached signature of a redirect URL the SP made verifies with the SP's certificate. */
    boolean signedBySp(String url, String parameter) {
        String query = url.substring(url.indexOf('?') + 1);
        int at = query.indexOf("&Signature=");
        String signed = query.substring(query.indexOf(parameter + "="), at);
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(spCertificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(parameter(query, "Signature")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(String parameter, String xml, String relayState, PrivateKey key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(xml.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String signed = parameter + "=" + url(Base64.getEncoder().encodeToString(out.toByteArray()))
                + "&RelayState=" + url(relayState) + "&SigAlg=" + url(RSA_SHA256);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signed.getBytes(StandardCharsets.UTF_8));
            return signed + "&Signature=" + url(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String metadata() {
        String cert;
        try {
            cert = Base64.getEncoder().encodeToString(idpCertificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + IDP_ENTITY_ID + "\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + cert
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + IDP_SLO + "\"/>"
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"https://idp.example.be/saml/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = SamlPeer.class.getResourceAsStream("keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(String name) {
        String pem = resource(name + ".key.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String name) {
        try (InputStream in = SamlPeer.class.getResourceAsStream("keys/" + name + ".cert.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The portal's provider: the real SAML provider, with logins faked. */
    private record Portal(SamlProvider saml, FakeProvider login) implements AuthenticationProvider {
        @Override
        public ProviderId id() {
            return saml.id();
        }

        @Override
        public Set<DigitalKey> keys() {
            return login.keys();
        }

        @Override
        public LoginRedirect startLogin(LoginRequest request) {
            return login.startLogin(request);
        }

        /** The faked login, with the session a SAML login leaves: NameID and SessionIndex "s-1". */
        @Override
        public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
            AuthenticatedUser u = login.finishLogin(callback, pending);
            Persona persona = Persona.named(callback.required("SAMLResponse").split(":", 2)[1]);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(SamlSessionValues.NAME_ID, nameId(persona));
            values.put(SamlSessionValues.SESSION_INDEX, "s-1");
            return new AuthenticatedUser(u.identity(), u.key(), u.level(), u.provider(), u.authenticatedAt(), u.roles(),
                    u.mandates(), u.notices(), new SessionReference(u.provider(), values));
        }

        @Override
        public HttpRedirect startLogout(LogoutRequest request) {
            return saml.startLogout(request);
        }

        @Override
        public Optional<String> serviceProviderMetadata() {
            return saml.serviceProviderMetadata();
        }

        @Override
        public Optional<SingleLogout> singleLogout() {
            return saml.singleLogout();
        }
    }
}
