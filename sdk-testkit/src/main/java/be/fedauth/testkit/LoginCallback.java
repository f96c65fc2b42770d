package be.fedauth.testkit;

import be.fedauth.core.CallbackRequest;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a completed (or refused) login sends the browser back to the application: the redirect URI with
 * its query parameters (OIDC), or the ACS URL with the auto-posted form (SAML HTTP-POST).
 *
 * @param method     {@code GET} for a redirect, {@code POST} for an auto-posted form
 * @param uri        the callback URI, without query
 * @param parameters the callback parameters ({@code code}, {@code state}, {@code SAMLResponse}, {@code RelayState}...)
 */
public record LoginCallback(String method, URI uri, Map<String, List<String>> parameters) {
    public LoginCallback {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /** The first value of a parameter. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(Objects.requireNonNull(name, "name"));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The same parameters as the core callback request an application's provider finishes the login with. */
    public CallbackRequest toCallbackRequest() {
        return new CallbackRequest(method, parameters);
    }

    /** Method and URI: parameters hold codes and assertions. */
    @Override
    public String toString() {
        return "LoginCallback[" + method + " " + uri + ", parameters=" + parameters.keySet() + "]";
    }
}
