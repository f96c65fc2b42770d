package be.fedauth.demo.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a test registers in the Keycloak realm it starts: OpenID Connect clients and SAML clients
 * for portals (the demo) at their public URLs. The realm has one user, {@link Keycloak#USERNAME}.
 * Rendered from the Keycloak representations under {@code keycloak/} (test resources), which
 * docs/other-identity-providers.md quotes.
 */
public final class KeycloakRealm {
    private final String name;
    private final List<OidcClient> oidcClients = new ArrayList<>();
    private final List<SamlClient> samlClients = new ArrayList<>();

    private KeycloakRealm(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** An empty realm called {@code name}. */
    public static KeycloakRealm named(String name) {
        return new KeycloakRealm(name);
    }

    /** Registers an OpenID Connect client. */
    public KeycloakRealm with(OidcClient client) {
        oidcClients.add(Objects.requireNonNull(client, "client"));
        return this;
    }

    /** Registers a SAML client. */
    public KeycloakRealm with(SamlClient client) {
        samlClients.add(Objects.requireNonNull(client, "client"));
        return this;
    }

    /** The realm's name (the last segment of its issuer and entity id). */
    public String name() {
        return name;
    }

    /**
     * A confidential client (client_secret_basic, PKCE S256) of the portal at {@code portal}: redirect
     * URI {@code PORTAL/callback/oidc}, post-logout redirect {@code PORTAL/logged-out} (where the demo
     * ends every logout).
     *
     * @param clientId its client id
     * @param secret its secret
     * @param portal the portal's public URL
     * @param alsoFor an audience Keycloak adds to its ID tokens (a client shared with another party), when present
     */
    public record OidcClient(String clientId, String secret, URI portal, Optional<String> alsoFor) {
        /** Validates. */
        public OidcClient {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(portal, "portal");
            Objects.requireNonNull(alsoFor, "alsoFor");
        }

        /** The client of the portal at {@code portal}. */
        public static OidcClient of(String clientId, String secret, URI portal) {
            return new OidcClient(clientId, secret, portal, Optional.empty());
        }

        /** This client, whose ID tokens are also addressed to {@code audience}. */
        public OidcClient alsoAddressedTo(String audience) {
            return new OidcClient(clientId, secret, portal, Optional.of(audience));
        }

        /** The secret is not shown. */
        @Override
        public String toString() {
            return "OidcClient[" + clientId + " at " + portal + "]";
        }
    }

    /**
     * A SAML client of the portal at {@code portal}, as {@code keycloak/saml-client.json} describes it:
     * ACS {@code PORTAL/callback/saml} (HTTP-POST), front-channel logout to {@code PORTAL/saml/slo}
     * (HTTP-Redirect), signed requests required, signed responses and assertions (RSA-SHA256),
     * transient NameID, given name, surname and e-mail under their X.500 names (Keycloak's predefined
     * "X500" mappers).
     *
     * @param entityId the SP's entity id (Keycloak's client id)
     * @param portal the portal's public URL
     * @param certificate the SP's certificate: it signs the requests, and assertions are encrypted to it when encrypted
     * @param encrypted whether assertions are encrypted (AES-256-GCM, RSA-OAEP)
     * @param attributes client attributes that differ from {@code saml-client.json}
     */
    public record SamlClient(String entityId, URI portal, X509Certificate certificate, boolean encrypted,
                             Map<String, String> attributes) {
        /** Validates and copies. */
        public SamlClient {
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(portal, "portal");
            Objects.requireNonNull(certificate, "certificate");
            attributes = Map.copyOf(attributes);
        }

        /** A client whose assertions are signed and not encrypted. */
        public static SamlClient signed(String entityId, URI portal, X509Certificate spCertificate) {
            return new SamlClient(entityId, portal, spCertificate, false, Map.of());
        }

        /** A client whose assertions are signed, then encrypted to the SP's certificate. */
        public static SamlClient encrypted(String entityId, URI portal, X509Certificate spCertificate) {
            return new SamlClient(entityId, portal, spCertificate, true, Map.of());
        }

        /** This client with one more client attribute changed ({@code saml.signature.algorithm}, ...). */
        public SamlClient with(String attribute, String value) {
            Map<String, String> all = new LinkedHashMap<>(attributes);
            all.put(attribute, value);
            return new SamlClient(entityId, portal, certificate, encrypted, all);
        }

        /** This client, accepting unsigned requests too. */
        public SamlClient withUnsignedRequests() {
            return with("saml.client.signature", "false");
        }
    }

    /** The realm as Keycloak imports it. */
    String json() {
        List<String> clients = new ArrayList<>();
        for (OidcClient c : oidcClients) {
            String mappers = c.alsoFor().map(a -> resource("oidc-audience-mapper.json").replace("@@AUDIENCE@@", js(a)))
                    .orElse("");
            clients.add(resource("oidc-client.json").replace("@@CLIENT_ID@@", js(c.clientId()))
                    .replace("@@SECRET@@", js(c.secret()))
                    .replace("@@REDIRECT_URI@@", js(c.portal().resolve("/callback/oidc").toString()))
                    .replace("@@POST_LOGOUT_REDIRECT_URI@@", js(c.portal().resolve("/logged-out").toString()))
                    .replace("@@MAPPERS@@", mappers));
        }
        for (SamlClient c : samlClients) {
            String json = resource("saml-client.json").replace("@@ENTITY_ID@@", js(c.entityId()))
                    .replace("@@ACS@@", js(c.portal().resolve("/callback/saml").toString()))
                    .replace("@@SLO@@", js(c.portal().resolve("/saml/slo").toString()))
                    .replace("@@CERT@@", der(c.certificate()))
                    .replace("@@ENCRYPT@@", Boolean.toString(c.encrypted()));
            for (Map.Entry<String, String> attribute : c.attributes().entrySet()) {
                Matcher current = Pattern.compile("\"" + Pattern.quote(attribute.getKey()) + "\": \"[^\"]*\"").matcher(json);
                if (!current.find()) {
                    throw new IllegalArgumentException("keycloak/saml-client.json has no attribute " + attribute.getKey());
                }
                json = current.replaceFirst(Matcher.quoteReplacement("\"" + attribute.getKey() + "\": \""
                        + js(attribute.getValue()) + "\""));
            }
            clients.add(json);
        }
        return resource("realm.json").replace("@@REALM@@", js(name))
                .replace("@@CLIENTS@@", clients.stream().collect(Collectors.joining(",\n")));
    }

    private static String der(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Escapes a value for a JSON string. */
    private static String js(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String resource(String name) {
        try (InputStream in = KeycloakRealm.class.getClassLoader().getResourceAsStream("keycloak/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource keycloak/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
