package be.fedauth.testkit.internal.saml;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one of the fake's IdPs remembers for the logouts it starts itself (SAML Profiles 4.4.3.1, the
 * IdP as requester): per service provider, the NameID and SessionIndex of the last login it issued
 * there, and the LogoutRequests it sent that await their LogoutResponse. Thread-safe.
 */
final class SpSessions {
    /** How long a LogoutRequest the fake sent waits for its answer. */
    static final Duration ANSWER_WITHIN = Duration.ofMinutes(10);

    /** A login the IdP issued at an SP. */
    record Session(String nameId, String sessionIndex) {
    }

    /** A LogoutRequest sent to an SP, and the RelayState that must come back with the answer. */
    record Sent(String spEntityId, String relayState, Instant sentAt) {
    }

    private final Map<String, Session> last = new ConcurrentHashMap<>();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();

    void loggedIn(String spEntityId, String nameId, String sessionIndex) {
        last.put(spEntityId, new Session(nameId, sessionIndex));
    }

    Optional<Session> last(String spEntityId) {
        return Optional.ofNullable(last.get(spEntityId));
    }

    /** The SPs with a session here, sorted. */
    List<String> withSession() {
        return last.keySet().stream().sorted().toList();
    }

    void sent(String requestId, Sent request, Instant now) {
        sent.values().removeIf(s -> !now.isBefore(s.sentAt().plus(ANSWER_WITHIN)));
        sent.put(requestId, request);
    }

    /** The request {@code requestId} names, if it is still awaited. */
    Optional<Sent> awaited(String requestId, Instant now) {
        return Optional.ofNullable(requestId == null ? null : sent.get(requestId))
                .filter(s -> now.isBefore(s.sentAt().plus(ANSWER_WITHIN)));
    }

    /** Marks the request answered; false when it was answered already (an answer counts once). */
    boolean answer(String requestId) {
        return sent.remove(requestId) != null;
    }

    /** The SP's session here ended. */
    void loggedOut(String spEntityId) {
        last.remove(spEntityId);
    }
}
