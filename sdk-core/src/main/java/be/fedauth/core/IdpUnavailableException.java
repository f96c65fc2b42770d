package be.fedauth.core;

/**
 * The identity provider, or a store the SDK needs, could not be reached or answered in a way that
 * cannot be used. Codes: {@link ErrorCode#IDP_UNAVAILABLE}, {@link ErrorCode#IDP_INVALID_RESPONSE},
 * {@link ErrorCode#STORE_UNAVAILABLE}.
 */
public final class IdpUnavailableException extends FedAuthException {
    private static final long serialVersionUID = 1L;

    /** An unavailable dependency. */
    public IdpUnavailableException(ErrorCode code, String message) {
        super(code, message);
    }

    /** An unavailable dependency with its cause. */
    public IdpUnavailableException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
