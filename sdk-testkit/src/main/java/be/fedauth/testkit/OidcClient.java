package be.fedauth.testkit;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect client registered at the fake FAS.
 *
 * @param clientId     client id
 * @param secret       secret for {@code client_secret_basic}, if the client uses it
 * @param redirectUris the redirect URIs, matched exactly
 * @param jwks         the client's public JWK set (JSON) for {@code private_key_jwt}, if it uses it
 */
public record OidcClient(String clientId, Optional<String> secret, List<URI> redirectUris, Optional<String> jwks) {
    public OidcClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        redirectUris = List.copyOf(redirectUris);
        Objects.requireNonNull(jwks, "jwks");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("a client id is not blank");
        }
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client has at least one redirect URI");
        }
        if (secret.isEmpty() && jwks.isEmpty()) {
            throw new IllegalArgumentException("a client has a secret, a JWK set or both");
        }
    }

    /** A client that authenticates with {@code client_secret_basic}. */
    public static OidcClient withSecret(String clientId, String secret, List<URI> redirectUris) {
        return new OidcClient(clientId, Optional.of(Objects.requireNonNull(secret, "secret")), redirectUris,
                Optional.empty());
    }

    /** The secret is never printed. */
    @Override
    public String toString() {
        return "OidcClient[clientId=" + clientId + ", secret=" + (secret.isPresent() ? "(redacted)" : "none")
                + ", redirectUris=" + redirectUris + ", jwks=" + (jwks.isPresent() ? "present" : "none") + "]";
    }
}
