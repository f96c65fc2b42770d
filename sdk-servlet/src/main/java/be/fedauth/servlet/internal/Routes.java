package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationProvider;
import be.fedauth.core.ProviderId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which provider serves a protocol name, for an e-service or in general. The same function chooses
 * the provider when a login starts and when it finishes, so that the provider finishing a login is
 * the one that started it.
 */
public final class Routes {
    private final Map<String, AuthenticationProvider> general;
    private final Map<String, Map<String, AuthenticationProvider>> byService;
    private final String defaultProtocol;

    /** Routes from the general providers and the per-e-service ones (both by protocol name, first is default). */
    public Routes(Map<String, AuthenticationProvider> general, Map<String, Map<String, AuthenticationProvider>> byService) {
        // In the order added: the first is the default.
        this.general = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(general));
        this.byService = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byService));
        this.defaultProtocol = general.keySet().iterator().next();
    }

    /** The protocol used when a login names none: the e-service's first, else the general first. */
    public String defaultProtocol(Optional<String> eServiceId) {
        return eServiceId.map(byService::get).filter(m -> !m.isEmpty())
                .map(m -> m.keySet().iterator().next()).orElse(defaultProtocol);
    }

    /** The provider for a protocol name and e-service; empty when the name is unknown. */
    public Optional<AuthenticationProvider> provider(String protocol, Optional<String> eServiceId) {
        Objects.requireNonNull(protocol, "protocol");
        if (eServiceId.isPresent()) {
            Map<String, AuthenticationProvider> specific = byService.get(eServiceId.get());
            if (specific != null && specific.containsKey(protocol)) {
                return Optional.of(specific.get(protocol));
            }
        }
        return Optional.ofNullable(general.get(protocol));
    }

    /** Whether a provider may finish a login that {@code started} began (it says so: {@link AuthenticationProvider#finishes}). */
    public static boolean covers(AuthenticationProvider provider, ProviderId started) {
        return provider.finishes(started);
    }

    /** Any provider that covers {@code started}, to log a user out. */
    public Optional<AuthenticationProvider> anyCovering(ProviderId started) {
        for (Map<String, AuthenticationProvider> providers : byService.values()) {
            for (AuthenticationProvider p : providers.values()) {
                if (covers(p, started)) {
                    return Optional.of(p);
                }
            }
        }
        return general.values().stream().filter(p -> covers(p, started)).findFirst();
    }

    /** Every configured provider once, the general ones first, each in the order added. */
    public List<AuthenticationProvider> all() {
        Map<AuthenticationProvider, Boolean> seen = new IdentityHashMap<>();
        List<AuthenticationProvider> all = new ArrayList<>();
        general.values().forEach(p -> {
            if (seen.put(p, Boolean.TRUE) == null) {
                all.add(p);
            }
        });
        byService.values().forEach(m -> m.values().forEach(p -> {
            if (seen.put(p, Boolean.TRUE) == null) {
                all.add(p);
            }
        }));
        return all;
    }

    /**
     * The providers a login for this e-service can go through (its own, then the general ones of
     * other protocol names); without an e-service, every configured provider.
     */
    public List<AuthenticationProvider> providersFor(Optional<String> eServiceId) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        if (eServiceId.isPresent()) {
            Map<String, AuthenticationProvider> specific = byService.getOrDefault(eServiceId.get(), Map.of());
            providers.addAll(specific.values());
            general.forEach((protocol, p) -> {
                if (!specific.containsKey(protocol)) {
                    providers.add(p);
                }
            });
            return providers;
        }
        providers.addAll(general.values());
        byService.values().forEach(m -> providers.addAll(m.values()));
        return providers;
    }
}
