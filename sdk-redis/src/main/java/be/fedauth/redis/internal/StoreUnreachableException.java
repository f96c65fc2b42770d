package be.fedauth.redis.internal;

/**
 * Redis could not be reached or did not answer in time. Internal: the stores turn it into an
 * {@link be.fedauth.core.IdpUnavailableException} with {@code store_unavailable}, after counting it.
 */
public final class StoreUnreachableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with a message safe to log. */
    public StoreUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
