package be.fedauth.core;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stable reasons for a failed login, a refused configuration or a denied access.
 *
 * <p>The {@link #id()} is API: it is snake_case, never changes once released, and is what tests and
 * applications should match on. Messages are not API. Every code maps to {@link Guidance} in French,
 * Dutch, German and English through its {@link Advice}.
 */
public enum ErrorCode {
    // Configuration, found when something is built or started.
    INVALID_CONFIGURATION("invalid_configuration", Advice.CONTACT_HELPDESK),

    // Values.
    INVALID_NATIONAL_NUMBER("invalid_national_number", Advice.CHECK_INPUT),
    INVALID_ENTERPRISE_NUMBER("invalid_enterprise_number", Advice.CHECK_INPUT),

    // The callback and the pending login.
    MALFORMED_CALLBACK("malformed_callback", Advice.RETRY_LOGIN),
    STATE_MISMATCH("state_mismatch", Advice.RETRY_LOGIN),
    PENDING_LOGIN_INVALID("pending_login_invalid", Advice.RETRY_LOGIN),
    PENDING_LOGIN_EXPIRED("pending_login_expired", Advice.RETRY_LOGIN),
    PENDING_LOGIN_UNKNOWN_KEY("pending_login_unknown_key", Advice.RETRY_LOGIN),
    PENDING_LOGIN_NOT_FOUND("pending_login_not_found", Advice.RETRY_LOGIN),
    LOGIN_CANCELLED("login_cancelled", Advice.RETRY_LOGIN),
    LOGIN_REQUEST_INVALID("login_request_invalid", Advice.RETRY_LOGIN),
    IDP_ERROR("idp_error", Advice.RETRY_LATER),
    /**
     * The browser came back with an OAuth {@code error} other than {@code access_denied} (RFC 6749
     * 4.1.2.1): anyone can add one to a callback, so it is the user's request that failed, not a 5xx.
     */
    IDP_CALLBACK_ERROR("idp_callback_error", Advice.RETRY_LATER),
    /**
     * The identity provider refused the request as configured ({@code invalid_scope},
     * {@code unauthorized_client}, {@code invalid_request}, {@code unsupported_response_type} on the
     * callback): retrying does not help, the registration or the settings must change.
     */
    IDP_REFUSED_REQUEST("idp_refused_request", Advice.CONTACT_HELPDESK),
    GRANT_REJECTED("grant_rejected", Advice.RETRY_LOGIN),

    // Tokens and assertions.
    INVALID_SIGNATURE("invalid_signature", Advice.CONTACT_HELPDESK),
    UNSUPPORTED_ALGORITHM("unsupported_algorithm", Advice.CONTACT_HELPDESK),
    UNSIGNED_ASSERTION("unsigned_assertion", Advice.CONTACT_HELPDESK),
    MALFORMED_RESPONSE("malformed_response", Advice.CONTACT_HELPDESK),
    /** A token's JOSE {@code typ} header says it is another kind of token (e.g. {@code at+jwt}, RFC 8725 3.11). */
    TOKEN_TYPE_MISMATCH("token_type_mismatch", Advice.CONTACT_HELPDESK),
    ISSUER_MISMATCH("issuer_mismatch", Advice.CONTACT_HELPDESK),
    AUDIENCE_MISMATCH("audience_mismatch", Advice.CONTACT_HELPDESK),
    AUTHORIZED_PARTY_MISMATCH("authorized_party_mismatch", Advice.CONTACT_HELPDESK),
    DESTINATION_MISMATCH("destination_mismatch", Advice.CONTACT_HELPDESK),
    RECIPIENT_MISMATCH("recipient_mismatch", Advice.CONTACT_HELPDESK),
    IN_RESPONSE_TO_MISMATCH("in_response_to_mismatch", Advice.RETRY_LOGIN),
    NONCE_MISMATCH("nonce_mismatch", Advice.RETRY_LOGIN),
    SUBJECT_MISMATCH("subject_mismatch", Advice.RETRY_LOGIN),
    MISSING_CLAIM("missing_claim", Advice.CONTACT_HELPDESK),
    TOKEN_EXPIRED("token_expired", Advice.RETRY_LOGIN),
    TOKEN_NOT_YET_VALID("token_not_yet_valid", Advice.CHECK_CLOCK),
    TOKEN_ISSUED_IN_FUTURE("token_issued_in_future", Advice.CHECK_CLOCK),
    REPLAY_DETECTED("replay_detected", Advice.RETRY_LOGIN),
    UNKNOWN_LEVEL("unknown_level", Advice.CONTACT_HELPDESK),
    LEVEL_TOO_LOW("level_too_low", Advice.USE_STRONGER_KEY),

    // Digital keys and dated transitions.
    KEY_NOT_OFFERED("key_not_offered", Advice.USE_OFFERED_KEY),
    KEY_RETIRED("key_retired", Advice.USE_OFFERED_KEY),
    FOREIGNER_TOKEN_ONLY("foreigner_token_only", Advice.FOREIGNER_TOKEN),
    PROVIDER_NOT_OFFERED("provider_not_offered", Advice.USE_OFFERED_KEY),
    TRANSITION_NOT_STARTED("transition_not_started", Advice.USE_OFFERED_KEY),
    TRANSITION_GRACE_EXPIRED("transition_grace_expired", Advice.LEGACY_LOGIN_ENDED),

    // Access to an e-service.
    NOT_AUTHENTICATED("not_authenticated", Advice.RETRY_LOGIN),
    SESSION_EXPIRED("session_expired", Advice.SESSION_ENDED),
    ROLE_MISSING("role_missing", Advice.ASK_LOCAL_MANAGER),
    ROLE_NOT_ACCEPTED("role_not_accepted", Advice.ACCEPT_ROLE),
    ROLE_REVOKED("role_revoked", Advice.ASK_LOCAL_MANAGER),
    ROLE_EXPIRED("role_expired", Advice.ASK_LOCAL_MANAGER),
    MANDATE_NOT_SIGNED("mandate_not_signed", Advice.SIGN_MANDATE),
    MANDATE_EXPIRED("mandate_expired", Advice.RENEW_MANDATE),
    MANDATE_NOT_COVERING("mandate_not_covering", Advice.RENEW_MANDATE),
    MANDATES_NOT_SUPPORTED("mandates_not_supported", Advice.ASK_LOCAL_MANAGER),

    // The identity provider or the SDK's own shared state.
    IDP_UNAVAILABLE("idp_unavailable", Advice.RETRY_LATER),
    IDP_INVALID_RESPONSE("idp_invalid_response", Advice.RETRY_LATER),
    STORE_UNAVAILABLE("store_unavailable", Advice.RETRY_LATER);

    private static final Map<String, ErrorCode> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(ErrorCode::id, Function.identity()));

    private final String id;
    private final Advice advice;

    ErrorCode(String id, Advice advice) {
        this.id = id;
        this.advice = advice;
    }

    /** The stable snake_case identifier of this code. */
    public String id() {
        return id;
    }

    /** What the user is advised to do; several codes share one advice. */
    public Advice advice() {
        return advice;
    }

    /**
     * The HTTP status a web application answers with for this code: 500 for a configuration error, 502
     * when the identity provider failed, 503 when the SDK's own store failed, 401 when no one is logged
     * in, 403 when access is refused, 400 for everything a request got wrong.
     */
    public int httpStatus() {
        return switch (this) {
            case INVALID_CONFIGURATION -> 500;
            case IDP_UNAVAILABLE, IDP_INVALID_RESPONSE, IDP_ERROR -> 502;
            case STORE_UNAVAILABLE -> 503;
            case NOT_AUTHENTICATED, SESSION_EXPIRED -> 401;
            case ROLE_MISSING, ROLE_NOT_ACCEPTED, ROLE_REVOKED, ROLE_EXPIRED, MANDATE_NOT_SIGNED, MANDATE_EXPIRED,
                    MANDATE_NOT_COVERING, MANDATES_NOT_SUPPORTED, FOREIGNER_TOKEN_ONLY, TRANSITION_GRACE_EXPIRED -> 403;
            default -> 400;
        };
    }

    /** The code with this {@link #id()}, or empty. */
    public static Optional<ErrorCode> fromId(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    @Override
    public String toString() {
        return id;
    }
}
