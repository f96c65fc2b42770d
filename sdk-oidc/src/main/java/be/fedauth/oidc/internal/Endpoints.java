package be.fedauth.oidc.internal;

import java.net.URI;
import java.util.Optional;

/**
 * The identity provider's endpoints in use: explicit settings over discovery.
 *
 * @param issuer the issuer the discovery document declared (or the configured one)
 * @param authorization the authorization endpoint
 * @param token the token endpoint
 * @param userinfo the userinfo endpoint
 * @param jwks the JWKS URL
 * @param endSession the end-session endpoint
 * @param issParameterSupported whether the provider promises the RFC 9207 {@code iss} parameter
 */
public record Endpoints(URI issuer, URI authorization, URI token, Optional<URI> userinfo, URI jwks,
                        Optional<URI> endSession, boolean issParameterSupported) {
}
