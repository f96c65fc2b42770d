package be.fedauth.servlet.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.EService;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.ProviderId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a login must be to reach an e-service (or a path protected without one): at least its
 * minimum level, and made through a provider allowed for it. Checked when a login starts (the level
 * goes into the {@link be.fedauth.core.LoginRequest}, so the provider asks for it and refuses less)
 * and again on every request to a protected path, since one session serves every e-service: a
 * password login made for one e-service must not open another that needs more, and a legacy login
 * made for NCTS must open neither EMCS nor, once its grace period is over, NCTS itself.
 */
public final class Requirements {
    private final AssuranceLevel minimumLevel;
    private final Map<String, AssuranceLevel> serviceLevels;
    private final Map<String, Set<ProviderId>> allowedProviders;
    private final Routes routes;

    /**
     * @param minimumLevel the level for every login and path without one of its own
     * @param serviceLevels e-service id to its own minimum level
     * @param allowedProviders e-service id to the providers whose logins may reach it (otherwise
     *     those its routes lead to)
     * @param routes the configured providers
     */
    public Requirements(AssuranceLevel minimumLevel, Map<String, AssuranceLevel> serviceLevels,
                        Map<String, Set<ProviderId>> allowedProviders, Routes routes) {
        this.minimumLevel = Objects.requireNonNull(minimumLevel, "minimumLevel");
        this.serviceLevels = Map.copyOf(serviceLevels);
        Map<String, Set<ProviderId>> copy = new java.util.HashMap<>();
        allowedProviders.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        this.allowedProviders = Map.copyOf(copy);
        this.routes = Objects.requireNonNull(routes, "routes");
    }

    /** The level a login for this e-service (or for none) must reach. */
    public AssuranceLevel minimumLevel(Optional<EService> eService) {
        return eService.map(s -> serviceLevels.getOrDefault(s.id(), minimumLevel)).orElse(minimumLevel);
    }

    /**
     * Whether a login may start through {@code provider} for this e-service: always, unless the
     * e-service names its allowed providers and the provider (or, for a transition, neither of the
     * providers it routes to) is among them.
     */
    public boolean mayStartThrough(AuthenticationProvider provider, Optional<EService> eService) {
        Optional<Set<ProviderId>> allowed = eService.map(s -> allowedProviders.get(s.id()));
        return allowed.isEmpty() || allowed.get().stream().anyMatch(id -> Routes.covers(provider, id));
    }

    /**
     * Why this user may not reach this e-service (or a path protected without one), if not:
     * {@code level_too_low}, {@code transition_grace_expired} (a legacy login after the grace
     * period of a transition configured here), or {@code provider_not_offered} (a provider not
     * allowed for the e-service).
     */
    public Optional<ErrorCode> unmet(AuthenticatedUser user, Optional<EService> eService) {
        if (!user.level().isAtLeast(minimumLevel(eService))) {
            return Optional.of(ErrorCode.LEVEL_TOO_LOW);
        }
        List<AuthenticationProvider> reachable = routes.providersFor(eService.map(EService::id));
        for (AuthenticationProvider p : routes.providersFor(Optional.empty())) {
            // Any provider that ended this login's provider (a transition after grace) ends its sessions too.
            Optional<ErrorCode> ended = p.endsSessionsOf(user.provider());
            if (ended.isPresent()) {
                return ended;
            }
        }
        boolean allowed = eService.map(s -> allowedProviders.get(s.id()))
                .map(ids -> ids.contains(user.provider()))
                .orElseGet(() -> reachable.stream().anyMatch(p -> p.finishes(user.provider())));
        return allowed ? Optional.empty() : Optional.of(ErrorCode.PROVIDER_NOT_OFFERED);
    }
}
