package be.fedauth.core;

/** A programmer or operator error, found when something is built or started. */
public final class ConfigurationException extends FedAuthException {
    private static final long serialVersionUID = 1L;

    /** A configuration error with code {@link ErrorCode#INVALID_CONFIGURATION}. */
    public ConfigurationException(String message) {
        super(ErrorCode.INVALID_CONFIGURATION, message);
    }

    /** A configuration error with its cause. */
    public ConfigurationException(String message, Throwable cause) {
        super(ErrorCode.INVALID_CONFIGURATION, message, cause);
    }
}
