package be.fedauth.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the fake IdP injects into every response of one endpoint until faults are cleared, through
 * WireMock: a delay, an HTTP error status, a reset connection, or a malformed body.
 */
public final class EndpointFault {
    /** The kinds of fault. */
    public enum Kind {
        /** The normal response, after a delay. */
        DELAY,
        /** An HTTP error status with a short text body instead of the normal response. */
        STATUS,
        /** The connection is reset (TCP RST) before any response. */
        CONNECTION_RESET,
        /** The normal status and headers with the body cut in half (JSON, JWT or XML that does not parse). */
        MALFORMED_BODY,
        /** A chunked response whose chunks are malformed (WireMock {@code MALFORMED_RESPONSE_CHUNK}). */
        MALFORMED_CHUNK,
        /** The connection closes without any response. */
        EMPTY_RESPONSE,
        /** Garbage bytes, then the connection closes. */
        RANDOM_DATA_THEN_CLOSE
    }

    private static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final Kind kind;
    private final Duration delay;
    private final int status;

    private EndpointFault(Kind kind, Duration delay, int status) {
        this.kind = kind;
        this.delay = delay;
        this.status = status;
    }

    /** Answers normally after {@code delay} (at most 5 minutes), to test the application's timeouts. */
    public static EndpointFault delay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a delay is between 0 and 5 minutes");
        }
        return new EndpointFault(Kind.DELAY, delay, 0);
    }

    /** Answers with this HTTP status (400 to 599) instead of the normal response. */
    public static EndpointFault status(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault status is between 400 and 599");
        }
        return new EndpointFault(Kind.STATUS, Duration.ZERO, status);
    }

    /** Resets the connection. */
    public static EndpointFault connectionReset() {
        return new EndpointFault(Kind.CONNECTION_RESET, Duration.ZERO, 0);
    }

    /** Sends the normal response with its body cut in half. */
    public static EndpointFault malformedBody() {
        return new EndpointFault(Kind.MALFORMED_BODY, Duration.ZERO, 0);
    }

    /** Sends malformed HTTP chunks. */
    public static EndpointFault malformedChunk() {
        return new EndpointFault(Kind.MALFORMED_CHUNK, Duration.ZERO, 0);
    }

    /** Closes the connection without answering. */
    public static EndpointFault emptyResponse() {
        return new EndpointFault(Kind.EMPTY_RESPONSE, Duration.ZERO, 0);
    }

    /** Sends garbage then closes the connection. */
    public static EndpointFault randomDataThenClose() {
        return new EndpointFault(Kind.RANDOM_DATA_THEN_CLOSE, Duration.ZERO, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** The delay of a {@link Kind#DELAY} fault, else zero. */
    public Duration delay() {
        return delay;
    }

    /** The status of a {@link Kind#STATUS} fault, else 0. */
    public int status() {
        return status;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndpointFault f && f.kind == kind && f.delay.equals(delay) && f.status == status;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, delay, status);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case DELAY -> "EndpointFault[DELAY " + delay + "]";
            case STATUS -> "EndpointFault[STATUS " + status + "]";
            default -> "EndpointFault[" + kind + "]";
        };
    }
}
