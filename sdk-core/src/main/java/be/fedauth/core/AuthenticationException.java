package be.fedauth.core;

/**
 * A login was refused: the callback, token or assertion did not pass validation, or the user may not
 * log in this way. The user can usually act on {@link #guidance(Language)}.
 */
public final class AuthenticationException extends FedAuthException {
    private static final long serialVersionUID = 1L;

    /** A refused login. */
    public AuthenticationException(ErrorCode code, String message) {
        super(code, message);
    }

    /** A refused login with its cause. */
    public AuthenticationException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
