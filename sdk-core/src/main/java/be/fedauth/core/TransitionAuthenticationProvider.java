package be.fedauth.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AuthenticationProvider} that follows a dated {@link Transition} between two providers,
 * and refuses retired keys. Before the cutover it offers the legacy provider; during grace both (the
 * successor first, legacy logins with a {@link Notice} naming the last day); after grace only the
 * successor. {@link #finishLogin} checks the phase again at completion time: a legacy login started
 * in grace and finished after its end fails with {@link ErrorCode#TRANSITION_GRACE_EXPIRED}.
 *
 * <p>Every decision reads the injected {@link Clock}. Immutable and thread-safe.
 */
public final class TransitionAuthenticationProvider implements AuthenticationProvider {
    private static final Logger LOG = LoggerFactory.getLogger(TransitionAuthenticationProvider.class);

    private final ProviderId id;
    private final Transition transition;
    private final AuthenticationProvider legacy;
    private final AuthenticationProvider successor;
    private final KeyRetirements retirements;
    private final Clock clock;

    private TransitionAuthenticationProvider(Builder b) {
        this.id = b.id;
        this.transition = b.transition;
        this.legacy = b.legacy;
        this.successor = b.successor;
        this.retirements = new KeyRetirements(b.retirements);
        this.clock = b.clock;
    }

    /**
     * A builder. The providers' ids must be the ones the transition names.
     *
     * @param id the id of this routing provider (for example "ncts")
     */
    public static Builder builder(ProviderId id, Transition transition, AuthenticationProvider legacy,
                                  AuthenticationProvider successor) {
        return new Builder(id, transition, legacy, successor);
    }

    @Override
    public ProviderId id() {
        return id;
    }

    /** Its own id, and the legacy and successor providers' ids. */
    @Override
    public boolean finishes(ProviderId provider) {
        return id.equals(provider) || legacy.finishes(provider) || successor.finishes(provider);
    }

    /** {@code transition_grace_expired} for the legacy provider's sessions once the grace period ended. */
    @Override
    public java.util.Optional<ErrorCode> endsSessionsOf(ProviderId provider) {
        return provider.equals(legacy.id()) && phase() == TransitionPhase.AFTER_GRACE
                ? java.util.Optional.of(ErrorCode.TRANSITION_GRACE_EXPIRED) : java.util.Optional.empty();
    }

    /** The phase now. */
    public TransitionPhase phase() {
        return transition.phaseAt(clock.instant());
    }

    /** The transition followed. */
    public Transition transition() {
        return transition;
    }

    /** The providers offered now, the preferred one first. */
    public List<AuthenticationProvider> offeredProviders() {
        return switch (phase()) {
            case BEFORE_CUTOVER -> List.of(legacy);
            case GRACE -> List.of(successor, legacy);
            case AFTER_GRACE -> List.of(successor);
        };
    }

    /** The keys offered now by the offered providers, less retired keys. */
    @Override
    public Set<DigitalKey> keys() {
        Instant now = clock.instant();
        Set<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
        for (AuthenticationProvider p : offeredProviders()) {
            keys.addAll(p.keys());
        }
        keys.removeIf(k -> isRetired(k, now));
        return Set.copyOf(keys);
    }

    /**
     * Starts a login with the provider the request names, else the one that offers the requested keys,
     * else the preferred one.
     *
     * @throws AuthenticationException {@code transition_not_started}, {@code transition_grace_expired},
     *     {@code provider_not_offered}, {@code key_retired}, {@code key_not_offered}
     */
    @Override
    public LoginRedirect startLogin(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        for (DigitalKey key : request.keys()) {
            if (isRetired(key, now)) {
                throw new AuthenticationException(ErrorCode.KEY_RETIRED, "the key " + key + " is retired");
            }
        }
        AuthenticationProvider chosen = choose(request, now);
        LOG.debug("transition {} in phase {}: login through {}", id, transition.phaseAt(now), chosen.id());
        return chosen.startLogin(request);
    }

    private AuthenticationProvider choose(LoginRequest request, Instant now) {
        List<AuthenticationProvider> offered = offeredAt(now);
        if (request.provider().isPresent()) {
            ProviderId wanted = request.provider().get();
            requireOffered(wanted, now);
            return offered.stream().filter(p -> p.id().equals(wanted)).findFirst().orElseThrow();
        }
        if (!request.keys().isEmpty()) {
            for (AuthenticationProvider p : offered) {
                if (p.keys().containsAll(request.keys())) {
                    return p;
                }
            }
            if (request.keys().contains(DigitalKey.SOCIAL_SECURITY)) {
                requireOffered(legacy.id(), now);
            }
            throw new AuthenticationException(ErrorCode.KEY_NOT_OFFERED,
                    "no provider offered now accepts the keys " + request.keys());
        }
        return offered.get(0);
    }

    private List<AuthenticationProvider> offeredAt(Instant now) {
        return switch (transition.phaseAt(now)) {
            case BEFORE_CUTOVER -> List.of(legacy);
            case GRACE -> List.of(successor, legacy);
            case AFTER_GRACE -> List.of(successor);
        };
    }

    private void requireOffered(ProviderId provider, Instant now) {
        TransitionPhase phase = transition.phaseAt(now);
        if (provider.equals(legacy.id()) && phase == TransitionPhase.AFTER_GRACE) {
            throw new AuthenticationException(ErrorCode.TRANSITION_GRACE_EXPIRED,
                    "the grace period of " + legacy.id() + " ended at " + transition.graceEnd());
        }
        if (provider.equals(successor.id()) && phase == TransitionPhase.BEFORE_CUTOVER) {
            throw new AuthenticationException(ErrorCode.TRANSITION_NOT_STARTED,
                    successor.id() + " is offered from " + transition.cutover());
        }
        if (!provider.equals(legacy.id()) && !provider.equals(successor.id())) {
            throw new AuthenticationException(ErrorCode.PROVIDER_NOT_OFFERED, "unknown provider " + provider);
        }
    }

    /**
     * Finishes the login with the provider that started it, after checking that this provider is
     * still offered now and that the key used is not retired now.
     */
    @Override
    public AuthenticatedUser finishLogin(CallbackRequest callback, PendingLogin pending) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(pending, "pending");
        Instant now = clock.instant();
        requireOffered(pending.provider(), now);
        AuthenticationProvider provider = pending.provider().equals(legacy.id()) ? legacy : successor;
        AuthenticatedUser user = provider.finishLogin(callback, pending);
        Instant after = clock.instant();
        requireOffered(pending.provider(), after);
        if (isRetired(user.key(), after)) {
            throw new AuthenticationException(ErrorCode.KEY_RETIRED, "the key " + user.key() + " is retired");
        }
        if (provider == legacy && transition.phaseAt(after) == TransitionPhase.GRACE) {
            user = user.withNotice(Notice.legacyLoginEnding(transition.lastLegacyDay()));
        }
        return user;
    }

    /** Logs out through the provider that logged the user in. */
    @Override
    public HttpRedirect startLogout(LogoutRequest request) {
        ProviderId provider = request.session().provider();
        if (provider.equals(legacy.id())) {
            return legacy.startLogout(request);
        }
        if (provider.equals(successor.id())) {
            return successor.startLogout(request);
        }
        throw new AuthenticationException(ErrorCode.PROVIDER_NOT_OFFERED, "unknown provider " + provider);
    }

    /**
     * The single logout of the legacy and the successor provider, when either takes part: each message
     * goes to the one whose identity provider {@linkplain SingleLogout#recognises recognises} it as its
     * own (the successor first). A message neither recognises fails with {@code issuer_mismatch}. Logout
     * messages are accepted whatever the phase: a session made in grace may still be ended after it.
     */
    @Override
    public java.util.Optional<SingleLogout> singleLogout() {
        List<SingleLogout> both = new ArrayList<>();
        successor.singleLogout().ifPresent(both::add);
        legacy.singleLogout().ifPresent(both::add);
        if (both.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new SingleLogout() {
            @Override
            public boolean recognises(String rawQuery) {
                return both.stream().anyMatch(s -> s.recognises(rawQuery));
            }

            @Override
            public IdpLogoutRequest handleLogoutRequest(String rawQuery) {
                return of(rawQuery).handleLogoutRequest(rawQuery);
            }

            @Override
            public void finishLogout(String rawQuery, String state) {
                of(rawQuery).finishLogout(rawQuery, state);
            }

            private SingleLogout of(String rawQuery) {
                return both.stream().filter(s -> s.recognises(rawQuery)).findFirst().orElseThrow(() ->
                        new AuthenticationException(ErrorCode.ISSUER_MISMATCH,
                                "the logout message comes from neither identity provider of " + id));
            }
        });
    }

    private boolean isRetired(DigitalKey key, Instant now) {
        return retirements.isRetired(key, now);
    }

    @Override
    public String toString() {
        return "TransitionAuthenticationProvider[" + id + ": " + transition + ", retirements=" + retirements + "]";
    }

    /** Builds a {@link TransitionAuthenticationProvider}. Not thread-safe. */
    public static final class Builder {
        private final ProviderId id;
        private final Transition transition;
        private final AuthenticationProvider legacy;
        private final AuthenticationProvider successor;
        private final List<KeyRetirement> retirements = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder(ProviderId id, Transition transition, AuthenticationProvider legacy,
                        AuthenticationProvider successor) {
            this.id = Objects.requireNonNull(id, "id");
            this.transition = Objects.requireNonNull(transition, "transition");
            this.legacy = Objects.requireNonNull(legacy, "legacy");
            this.successor = Objects.requireNonNull(successor, "successor");
        }

        /** The clock every phase decision reads (default: the system clock, UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** A key retirement, for example {@link KeyRetirement#TOKEN}. */
        public Builder retire(KeyRetirement retirement) {
            this.retirements.add(Objects.requireNonNull(retirement, "retirement"));
            return this;
        }

        /**
         * The provider.
         *
         * @throws ConfigurationException when the providers' ids are not the transition's
         */
        public TransitionAuthenticationProvider build() {
            if (!legacy.id().equals(transition.legacy())) {
                throw new ConfigurationException("the legacy provider is " + legacy.id() + ", the transition names "
                        + transition.legacy());
            }
            if (!successor.id().equals(transition.successor())) {
                throw new ConfigurationException("the successor provider is " + successor.id()
                        + ", the transition names " + transition.successor());
            }
            if (id.equals(legacy.id()) || id.equals(successor.id())) {
                throw new ConfigurationException("the transition's id must differ from its providers' ids");
            }
            return new TransitionAuthenticationProvider(this);
        }
    }
}
