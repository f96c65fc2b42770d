package be.fedauth.core;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider needs later to log the user out or refresh the login: for OpenID Connect the ID
 * token (as {@code id_token_hint}) and refresh token; for SAML the NameID and SessionIndex. Opaque to
 * applications; {@link #toString()} shows the names only, never the values.
 *
 * @param provider the provider that made it
 * @param values provider-specific values
 */
public record SessionReference(ProviderId provider, Map<String, String> values) {

    /** Validates and copies. */
    public SessionReference {
        Objects.requireNonNull(provider, "provider");
        values = Map.copyOf(values);
    }

    /** A reference with no values, for providers that keep no session. */
    public static SessionReference none(ProviderId provider) {
        return new SessionReference(provider, Map.of());
    }

    /** One value. */
    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String toString() {
        return "SessionReference[provider=" + provider + ", names=" + values.keySet() + "]";
    }
}
