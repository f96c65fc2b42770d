package be.fedauth.core;

import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.AuditEvent;
import be.fedauth.core.spi.AuditSink;
import be.fedauth.core.spi.ReplayCache;
import be.fedauth.core.spi.VerifiedLogin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The login rules every protocol shares, in one order. A provider calls {@link #finish} with the
 * callback, the pending login, and its own protocol step (token or assertion validation, claim
 * mapping); the checks run around that step:
 * <ol>
 *   <li>the pending login is this provider's ({@code pending_login_invalid}) and unexpired
 *       ({@code pending_login_expired});</li>
 *   <li>the callback carries the pending login's state ({@code state_mismatch}), compared in constant
 *       time, and that state was not used before ({@code replay_detected}): nothing is redeemed for a
 *       used state;</li>
 *   <li>the protocol step;</li>
 *   <li>the level reached is at least the one requested ({@code level_too_low});</li>
 *   <li>the key the identity provider named is not retired now ({@code key_retired}); a level alone
 *       is never read as a particular key; a key deprecated now (per the {@link Timeline}) adds a
 *       {@link Notice#KEY_DEPRECATED} notice, and a key the identity provider reported in words the
 *       vocabulary does not name ({@link DigitalKey#UNNAMED}) a {@link Notice#UNNAMED_KEY} notice;</li>
 *   <li>the state is marked used, atomically: of two callbacks racing with one pending login only one
 *       logs a user in ({@code replay_detected}). One replay-cache entry per login, written only after
 *       everything else passed, so refused callbacks take no place in the cache;</li>
 *   <li>the outcome is audited: {@code login_succeeded} with the level and key, or {@code login_failed}
 *       with the code.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class LoginChecks {
    /** The replay-cache namespace of used states, one entry per completed login. */
    public static final String STATE_NAMESPACE = "login-state";

    private final ProviderId provider;
    private final Clock clock;
    private final ReplayCache replayCache;
    private final AuditSink audit;
    private final Optional<byte[]> pseudonymKey;
    private final KeyRetirements retirements;
    private final Timeline timeline;

    private LoginChecks(Builder b) {
        this.provider = b.provider;
        this.clock = b.clock;
        this.replayCache = b.replayCache;
        this.audit = b.audit;
        this.pseudonymKey = b.pseudonymKey.map(byte[]::clone);
        this.timeline = b.timeline;
        this.retirements = b.retirements.orElseGet(timeline::retirements);
    }

    /**
     * Checks for one provider.
     *
     * @param provider the provider whose logins these checks finish
     * @param clock the clock every check reads
     * @param replayCache where used states are remembered
     */
    public static Builder builder(ProviderId provider, Clock clock, ReplayCache replayCache) {
        return new Builder(provider, clock, replayCache);
    }

    /** The keys among {@code configured} that a login may use now: retired keys are left out. */
    public Set<DigitalKey> offered(Set<DigitalKey> configured) {
        return retirements.offered(configured, clock.instant());
    }

    /**
     * Checks a login request before the provider builds its redirect: the provider it names, if any, is
     * this one ({@code provider_not_offered}); every key it names is offered now ({@code key_retired} for
     * a configured key retired now, {@code key_not_offered} otherwise).
     */
    public void checkStart(LoginRequest request, Set<DigitalKey> configured) {
        Objects.requireNonNull(request, "request");
        if (request.provider().isPresent() && !request.provider().get().equals(provider)) {
            throw new AuthenticationException(ErrorCode.PROVIDER_NOT_OFFERED, "the request names " + request.provider().get()
                    + ", not " + provider);
        }
        Instant now = clock.instant();
        for (DigitalKey key : request.keys()) {
            if (!configured.contains(key) || key == DigitalKey.UNNAMED) {
                throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED, provider + " does not offer the key " + key);
            }
            if (retirements.isRetired(key, now)) {
                throw new AuthenticationException(ErrorCode.KEY_RETIRED, "the key " + key + " is no longer a login key");
            }
        }
    }

    /** Audits a login the provider started ({@code login_started}) with protocol details. */
    public void started(Map<String, String> details) {
        audit("login_started", Optional.empty(), Optional.empty(), details);
    }

    /**
     * Audits another event of this provider (a logout, a refresh, a refused logout message), so that
     * every protocol's events have one shape. Never throws: a failing sink leaves the outcome as it is.
     */
    public void audit(String type, Optional<ErrorCode> error, Map<String, String> details) {
        audit(type, Optional.empty(), error, details);
    }

    /** The retirements these checks apply. */
    public KeyRetirements retirements() {
        return retirements;
    }

    /** The protocol's own part of finishing a login. */
    @FunctionalInterface
    public interface ProtocolStep {
        /**
         * Validates what the identity provider returned for this callback.
         *
         * @throws FedAuthException with the code of the first check that failed
         */
        VerifiedLogin verify(CallbackRequest callback, PendingLogin pending);
    }

    /**
     * Finishes a login: the shared checks, the protocol step between them, and the audit.
     *
     * @param stateParameter the callback parameter that carries the state ({@code state} in OIDC,
     *     {@code RelayState} in SAML)
     * @return the user, only when every check passed
     * @throws AuthenticationException with the code of the first failed check
     * @throws IdpUnavailableException when the identity provider or the replay cache cannot be reached
     */
    public AuthenticatedUser finish(CallbackRequest callback, PendingLogin pending, String stateParameter,
                                    ProtocolStep step) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(stateParameter, "stateParameter");
        Objects.requireNonNull(step, "step");
        try {
            begin(callback, pending, stateParameter);
            VerifiedLogin verified = step.verify(callback, pending);
            AuthenticatedUser user = complete(pending, verified);
            Map<String, String> details = new HashMap<>(verified.details());
            details.put("level", String.valueOf(user.level().value()));
            details.put("key", user.key().name());
            audit("login_succeeded", subject(user), Optional.empty(), details);
            return user;
        } catch (FedAuthException e) {
            audit("login_failed", Optional.empty(), Optional.of(e.code()), Map.of());
            throw e;
        } catch (RuntimeException e) {
            audit("login_failed", Optional.empty(), Optional.empty(), Map.of("exception", e.getClass().getSimpleName()));
            throw e;
        }
    }

    private void begin(CallbackRequest callback, PendingLogin pending, String stateParameter) {
        if (!pending.provider().equals(provider)) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_INVALID, "the pending login was started by "
                    + pending.provider() + ", not " + provider);
        }
        if (pending.isExpired(clock.instant())) {
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_EXPIRED, "the login took too long");
        }
        // RFC 6749 10.12 and SAML Bindings 3.4.3: the state binds the callback to the browser that started it.
        Optional<String> state = callback.single(stateParameter);
        if (state.isEmpty() || !constantTimeEquals(state.get(), pending.state())) {
            throw new AuthenticationException(ErrorCode.STATE_MISMATCH, state.isEmpty()
                    ? "the callback has no " + stateParameter : "the callback's " + stateParameter + " is not this login's");
        }
        if (replayCache.isUsed(STATE_NAMESPACE, pending.state())) {
            throw new AuthenticationException(ErrorCode.REPLAY_DETECTED, "this login was already finished");
        }
    }

    private AuthenticatedUser complete(PendingLogin pending, VerifiedLogin verified) {
        Instant now = clock.instant();
        AchievedLevel achieved = verified.achieved();
        if (pending.minimumLevel().isPresent() && !achieved.level().isAtLeast(pending.minimumLevel().get())) {
            throw new AuthenticationException(ErrorCode.LEVEL_TOO_LOW, "level " + achieved.level().value()
                    + " is below the requested " + pending.minimumLevel().get().value());
        }
        if (achieved.key().isPresent() && retirements.isRetired(achieved.key().get(), now)) {
            throw new AuthenticationException(ErrorCode.KEY_RETIRED, "the key " + achieved.key().get()
                    + " is no longer a login key");
        }
        // A level alone never names a key (issue 13.2): retirement applies only to keys the provider named.
        DigitalKey key = achieved.key().orElse(DigitalKey.UNNAMED);
        if (pending.isExpired(now)) {
            // Expired during the protocol step: its state would not be remembered, so it is not accepted.
            throw new AuthenticationException(ErrorCode.PENDING_LOGIN_EXPIRED, "the login took too long");
        }
        List<Notice> notices = new ArrayList<>();
        timeline.deprecationNotice(key, now).ifPresent(notices::add);
        if (key == DigitalKey.UNNAMED) {
            notices.add(Notice.unnamedKey(achieved.level()));
        }
        replayCache.markUsed(STATE_NAMESPACE, pending.state(), pending.expiresAt());
        return new AuthenticatedUser(verified.identity(), key, achieved.level(), provider, verified.authenticatedAt(),
                verified.roles(), verified.mandates(), notices, verified.session(), verified.notAfter());
    }

    private Optional<String> subject(AuthenticatedUser user) {
        return pseudonymKey.flatMap(k -> user.identity().nationalNumber().map(n -> AuditEvent.pseudonym(n, k)));
    }

    private void audit(String type, Optional<String> subject, Optional<ErrorCode> error, Map<String, String> details) {
        try {
            audit.record(new AuditEvent(type, clock.instant(), provider.value(), subject, error, details));
        } catch (RuntimeException e) {
            // An audit sink must not throw; if it does, the login outcome stands.
        }
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "LoginChecks[" + provider + ", retirements=" + retirements + "]";
    }

    /** Builds {@link LoginChecks}. Not thread-safe. */
    public static final class Builder {
        private final ProviderId provider;
        private final Clock clock;
        private final ReplayCache replayCache;
        private AuditSink audit = AuditSink.NONE;
        private Optional<byte[]> pseudonymKey = Optional.empty();
        private Optional<KeyRetirements> retirements = Optional.empty();
        private Timeline timeline = Timeline.standard();

        private Builder(ProviderId provider, Clock clock, ReplayCache replayCache) {
            this.provider = Objects.requireNonNull(provider, "provider");
            this.clock = Objects.requireNonNull(clock, "clock");
            this.replayCache = Objects.requireNonNull(replayCache, "replayCache");
        }

        /** Where the outcome of each login goes (default {@link AuditSink#NONE}). */
        public Builder auditSink(AuditSink value) {
            this.audit = Objects.requireNonNull(value, "auditSink");
            return this;
        }

        /** The key of the pseudonym that audit events carry for the user (default: no subject in events). */
        public Builder auditPseudonymKey(Optional<byte[]> value) {
            this.pseudonymKey = Objects.requireNonNull(value, "auditPseudonymKey").map(byte[]::clone);
            return this;
        }

        /** The keys retired and from when (default: the timeline's, {@link KeyRetirements#standard()}). */
        public Builder retirements(KeyRetirements value) {
            this.retirements = Optional.of(Objects.requireNonNull(value, "retirements"));
            return this;
        }

        /**
         * The timeline whose deprecations give notices and whose retirements apply unless
         * {@link #retirements} is set (default {@link Timeline#standard()}).
         */
        public Builder timeline(Timeline value) {
            this.timeline = Objects.requireNonNull(value, "timeline");
            return this;
        }

        /** The checks. */
        public LoginChecks build() {
            return new LoginChecks(this);
        }
    }
}
