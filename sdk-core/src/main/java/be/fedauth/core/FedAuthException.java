package be.fedauth.core;

import java.util.Objects;

/**
 * The root of every exception that fedauth throws, with a stable {@link ErrorCode}.
 *
 * <p>Messages are for developers and operators; they never hold a token, an assertion, a secret or
 * a national register number. Users are shown {@link #guidance(Language)} instead.
 */
public class FedAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    /** A failure with a code and a message safe to log. */
    public FedAuthException(ErrorCode code, String message) {
        super(Objects.requireNonNull(code, "code").id() + ": " + Objects.requireNonNull(message, "message"));
        this.code = code;
    }

    /** A failure with a code, a message safe to log, and the underlying cause. */
    public FedAuthException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(code, "code").id() + ": " + Objects.requireNonNull(message, "message"), cause);
        this.code = code;
    }

    /** The stable reason. */
    public ErrorCode code() {
        return code;
    }

    /** What to tell the user, with the general helpdesk. */
    public Guidance guidance(Language language) {
        return Guidance.of(code, language);
    }
}
