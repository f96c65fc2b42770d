package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.oidc.OidcSettings;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authorization error response (RFC 6749 4.1.2.1) on the callback. Anyone can put
 * {@code ?state=<own>&error=x} on their own callback, so no value here may make the application
 * answer 5xx or claim the identity provider is down: {@code access_denied} is {@code login_cancelled};
 * {@code invalid_request}, {@code unauthorized_client}, {@code invalid_scope} and
 * {@code unsupported_response_type} say the request as configured was refused
 * ({@code idp_refused_request}, logged at WARN as a configuration error with the scopes requested);
 * anything else is {@code idp_callback_error}, logged at WARN. Both are rejected input (4xx).
 */
final class CallbackErrors {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackErrors.class);
    private static final Set<String> CONFIGURATION = Set.of("invalid_request", "unauthorized_client", "invalid_scope",
            "unsupported_response_type");

    private CallbackErrors() {
    }

    static AuthenticationException refusal(OidcSettings settings, String error, Optional<String> description) {
        if ("access_denied".equals(error)) {
            return new AuthenticationException(ErrorCode.LOGIN_CANCELLED, "the identity provider answered access_denied");
        }
        String code = TokenClient.safe(error);
        String text = description.map(TokenClient::describe).orElse("(none)");
        if (CONFIGURATION.contains(error)) {
            LOG.warn("OpenID provider {}: configuration error? the callback carries error={} error_description={}"
                    + " for client_id={} and scopes {} (the callback is not authenticated: check at the identity"
                    + " provider)", settings.providerId(), code, text, TokenClient.safe(settings.clientId()),
                    settings.scopes());
            return new AuthenticationException(ErrorCode.IDP_REFUSED_REQUEST, "the identity provider refused the"
                    + " request: error '" + code + "'");
        }
        // INFO: anyone holding a pending login can forge this callback; the audit trail counts it as idp_callback_error.
        LOG.info("OpenID provider {}: the callback carries error={} error_description={}", settings.providerId(), code, text);
        return new AuthenticationException(ErrorCode.IDP_CALLBACK_ERROR, "the callback carries error '" + code + "'");
    }
}
