package be.fedauth.testkit.internal;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.KeyRetirement;
import be.fedauth.core.Mandate;
import be.fedauth.core.RoleGrant;
import be.fedauth.testkit.LoginChoice;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.Personas;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.core.SettableClock;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The shared state of one fake IdP server, used by every protocol's endpoints. Thread-safe.
 *
 * <p>Attacks: the Java and admin APIs queue one-shot attacks ({@code be.fedauth.testkit.OidcAttack},
 * {@code be.fedauth.testkit.SamlAttack}); a protocol takes the next one of its own type with
 * {@link #pollAttack(Class)} when it issues the response the attack applies to, so each attack
 * applies once.
 */
public final class FakeIdpContext {
    /** How long the login page keeps an unanswered authorization. */
    static final Duration FLOW_LIFETIME = Duration.ofMinutes(30);
    /** Path of the login page. */
    public static final String LOGIN_PATH = "/testkit/login";

    private final SettableClock clock;
    private final URI baseUri;
    private final List<KeyRetirement> keyRetirements;
    private final Supplier<KeyMaterial> keyGenerator;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentLinkedQueue<Enum<?>> attacks = new ConcurrentLinkedQueue<>();
    private final Map<String, Flow> flows = new ConcurrentHashMap<>();
    private final KeyMaterial encryptionKey;
    private volatile Personas personas;
    private volatile SigningKeys signingKeys;
    private volatile SigningKeys socialSecuritySigningKeys;
    private volatile Optional<LoginChoice> preselected = Optional.empty();
    private volatile boolean issuerQuirk;

    private record Flow(PendingAuthorization pending, Instant created) {
    }

    /**
     * Makes the context of a server listening at {@code baseUri}.
     *
     * @param keyGenerator makes a new signing key on rotation
     */
    public FakeIdpContext(Personas personas, SettableClock clock, URI baseUri, KeyMaterial signingKey,
                          KeyMaterial socialSecuritySigningKey, KeyMaterial encryptionKey,
                          List<KeyRetirement> keyRetirements, Supplier<KeyMaterial> keyGenerator) {
        this.personas = Objects.requireNonNull(personas, "personas");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.signingKeys = new SigningKeys(Objects.requireNonNull(signingKey, "signingKey"), List.of());
        this.socialSecuritySigningKeys = new SigningKeys(
                Objects.requireNonNull(socialSecuritySigningKey, "socialSecuritySigningKey"), List.of());
        this.encryptionKey = Objects.requireNonNull(encryptionKey, "encryptionKey");
        this.keyRetirements = List.copyOf(keyRetirements);
        this.keyGenerator = Objects.requireNonNull(keyGenerator, "keyGenerator");
    }

    // ---- personas, clients, time, URLs

    /** The current personas, with clients registered at run time. */
    public Personas personas() {
        return personas;
    }

    /** Sets the personas read while the server started (the shell only). */
    synchronized void replacePersonas(Personas loaded) {
        personas = Objects.requireNonNull(loaded, "loaded");
    }

    /** Registers (or replaces) an OIDC client. */
    public synchronized void registerOidcClient(OidcClient client) {
        personas = personas.withOidcClient(client);
    }

    /** Registers (or replaces) a SAML service provider. */
    public synchronized void registerSamlServiceProvider(SamlServiceProvider sp) {
        personas = personas.withSamlServiceProvider(sp);
    }

    /** A registered OIDC client. */
    public Optional<OidcClient> oidcClient(String clientId) {
        return personas.oidcClient(clientId);
    }

    /** A registered SAML service provider. */
    public Optional<SamlServiceProvider> samlServiceProvider(String entityId) {
        return personas.samlServiceProvider(entityId);
    }

    /** The clock every endpoint reads time from. */
    public SettableClock clock() {
        return clock;
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** A URL on this server: {@code baseUri() + path}. */
    public URI url(String path) {
        return URI.create(baseUri + path);
    }

    /**
     * The OIDC issuer: {@code <base>/fas/oauth2}, or with the quirk switched on the form the real
     * integration environment reported ({@code http://<host>:80/fas/oauth2}, see fas-reference.md).
     */
    public String oidcIssuer() {
        return issuerQuirk ? "http://" + baseUri.getHost() + ":80/fas/oauth2" : baseUri + "/fas/oauth2";
    }

    /** The endpoint base of the OIDC provider (always the real listening address). */
    public String oidcBase() {
        return baseUri + "/fas/oauth2";
    }

    public boolean issuerQuirk() {
        return issuerQuirk;
    }

    public void setIssuerQuirk(boolean enabled) {
        issuerQuirk = enabled;
    }

    // ---- keys

    /** The FAS signing keys (OIDC and SAML). */
    public SigningKeys signingKeys() {
        return signingKeys;
    }

    /** The social-security IdP's signing keys. */
    public SigningKeys socialSecuritySigningKeys() {
        return socialSecuritySigningKeys;
    }

    /** The FAS encryption key (published in the SAML metadata). */
    public KeyMaterial encryptionKey() {
        return encryptionKey;
    }

    /** Makes a new current FAS signing key; the previous one stays published. Returns the new key. */
    public synchronized KeyMaterial rotateSigningKey() {
        KeyMaterial next = keyGenerator.get();
        signingKeys = signingKeys.rotatedTo(next);
        return next;
    }

    /** Makes a new current social-security signing key; the previous one stays published. */
    public synchronized KeyMaterial rotateSocialSecuritySigningKey() {
        KeyMaterial next = keyGenerator.get();
        socialSecuritySigningKeys = socialSecuritySigningKeys.rotatedTo(next);
        return next;
    }

    // ---- one-shot attacks

    /** Queues a one-shot attack (an {@code OidcAttack} or {@code SamlAttack} constant). */
    public void queueAttack(Enum<?> attack) {
        attacks.add(Objects.requireNonNull(attack, "attack"));
    }

    /** Takes the oldest queued attack of this type, if any: it applies once. */
    public <E extends Enum<E>> Optional<E> pollAttack(Class<E> type) {
        Objects.requireNonNull(type, "type");
        synchronized (attacks) {
            for (Iterator<Enum<?>> it = attacks.iterator(); it.hasNext(); ) {
                Enum<?> next = it.next();
                if (type.isInstance(next)) {
                    it.remove();
                    return Optional.of(type.cast(next));
                }
            }
        }
        return Optional.empty();
    }

    /** The attacks still queued, oldest first. */
    public List<Enum<?>> pendingAttacks() {
        return List.copyOf(attacks);
    }

    public void clearAttacks() {
        attacks.clear();
    }

    // ---- login choice and rules

    /** The login chosen in advance, if any: logins complete without the login page. */
    public Optional<LoginChoice> preselectedLogin() {
        return preselected;
    }

    public void preselectLogin(LoginChoice choice) {
        preselected = Optional.of(Objects.requireNonNull(choice, "choice"));
    }

    public void clearPreselectedLogin() {
        preselected = Optional.empty();
    }

    /** The dated key retirements the rules apply ({@link KeyRetirement#TOKEN} by default). */
    public List<KeyRetirement> keyRetirements() {
        return keyRetirements;
    }

    /**
     * Whether foreigners log in with a token only at the clock's time: while the timeline's TOKEN route
     * is open (until 31/01/2024); from then on eIDAS, ForReg and Belgian keys obtained through video
     * identification replace it.
     */
    public boolean foreignersTokenOnly() {
        return be.fedauth.core.Timeline.standard().foreignerRoutes(clock.instant()).contains("TOKEN");
    }

    /** Whether the timeline has not yet activated {@code key} at the clock's time (MyGov.be before October 2025). */
    public boolean notYetActive(DigitalKey key) {
        return be.fedauth.core.Timeline.standard().isNotYetActive(key, clock.instant());
    }

    /** The FAS rules for this person and key, at the context's current time. */
    public LoginCheck checkLogin(Person person, DigitalKey key) {
        return checkLogin(person, key, Idp.FAS);
    }

    /**
     * The rules of {@code idp} for this person and key: the person must own the key and be known to
     * the IdP; at FAS a foreigner uses a token only while the timeline's token route is open, and the key
     * {@code SOCIAL_SECURITY} is not accepted, nor a key the timeline has not activated yet (MyGov.be before
     * October 2025); the social-security IdP accepts only that key; a key retired at the clock's time is refused.
     */
    public LoginCheck checkLogin(Person person, DigitalKey key, Idp idp) {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(idp, "idp");
        if (!person.owns(key)) {
            return LoginCheck.refused(LoginCheck.Refusal.KEY_NOT_OWNED);
        }
        if (idp == Idp.FAS) {
            if (person.socialSecurityOnly()) {
                return LoginCheck.refused(LoginCheck.Refusal.NOT_KNOWN_TO_IDP);
            }
            if (person.foreigner() && foreignersTokenOnly() && key != DigitalKey.PASSWORD_TOKEN) {
                return LoginCheck.refused(LoginCheck.Refusal.FOREIGNER_TOKEN_ONLY);
            }
            if (key == DigitalKey.SOCIAL_SECURITY) {
                return LoginCheck.refused(LoginCheck.Refusal.KEY_NOT_ACCEPTED);
            }
            if (notYetActive(key)) {
                return LoginCheck.refused(LoginCheck.Refusal.KEY_NOT_YET_ACTIVE);
            }
        } else if (key != DigitalKey.SOCIAL_SECURITY) {
            return LoginCheck.refused(LoginCheck.Refusal.KEY_NOT_ACCEPTED);
        }
        Instant now = clock.instant();
        for (KeyRetirement retirement : keyRetirements) {
            if (retirement.key() == key && retirement.isRetiredAt(now)) {
                return LoginCheck.refused(LoginCheck.Refusal.KEY_RETIRED);
            }
        }
        return LoginCheck.allowed();
    }

    /** {@link #checkLogin(Person, DigitalKey, Idp)} plus the keys and level the relying party asked for. */
    public LoginCheck checkLogin(Person person, DigitalKey key, PendingAuthorization pending) {
        LoginCheck check = checkLogin(person, key, pending.idp());
        if (!check.isAllowed()) {
            return check;
        }
        boolean requested = pending.requestedKeys().isEmpty() || pending.requestedKeys().contains(key);
        boolean levelOk = pending.minimumLevel().map(min -> ReportedKeys.satisfies(key, min)).orElse(true);
        return requested && levelOk ? check : LoginCheck.refused(LoginCheck.Refusal.KEY_NOT_ACCEPTED);
    }

    /** The roles FAS releases for this person: accepted and current at the clock's time. */
    public List<RoleGrant> releasedRoles(Person person) {
        Instant now = clock.instant();
        return personas.rolesOf(person).stream().map(r -> r.toRoleGrant()).filter(r -> r.isEffective(now)).toList();
    }

    /** The mandates FAS releases for this person: signed by both parties and current at the clock's time. */
    public List<Mandate> releasedMandates(Person person) {
        if (person.nationalNumber().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        return personas.mandatesHeldBy(person).stream().map(m -> m.toMandate(person.nationalNumber().get()))
                .filter(m -> m.isActive(now)).toList();
    }

    // ---- the login hand-off

    /**
     * Hands a validated authorization over to the login: completes it at once for a preselected login,
     * else keeps it and redirects the browser to the login page.
     */
    public FakeResponse login(PendingAuthorization pending) {
        Objects.requireNonNull(pending, "pending");
        Optional<LoginChoice> choice = preselected;
        if (choice.isPresent()) {
            return finish(pending, choice.get().personId(), choice.get().key());
        }
        purgeExpiredFlows();
        String id = randomId();
        flows.put(id, new Flow(pending, clock.instant()));
        return FakeResponse.redirect(baseUri + LOGIN_PATH + "?flow=" + id);
    }

    /** The authorization waiting under this login-page flow id, if it has not expired. */
    public Optional<PendingAuthorization> pendingFlow(String flowId) {
        Flow flow = flows.get(Objects.requireNonNull(flowId, "flowId"));
        if (flow == null || !clock.instant().isBefore(flow.created().plus(FLOW_LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(flow.pending());
    }

    /** Completes (or refuses, by the rules) the login-page flow; the flow can be answered once. */
    public Optional<FakeResponse> completeFlow(String flowId, String personId, DigitalKey key) {
        Optional<PendingAuthorization> pending = pendingFlow(flowId);
        if (pending.isEmpty() || flows.remove(flowId) == null) {
            return Optional.empty();
        }
        return Optional.of(finish(pending.get(), personId, key));
    }

    /** Sends the flow's refusal {@code CANCELLED} back to the relying party; the flow can be answered once. */
    public Optional<FakeResponse> cancelFlow(String flowId) {
        Optional<PendingAuthorization> pending = pendingFlow(flowId);
        if (pending.isEmpty() || flows.remove(flowId) == null) {
            return Optional.empty();
        }
        return Optional.of(pending.get().refuse(LoginCheck.Refusal.CANCELLED));
    }

    private FakeResponse finish(PendingAuthorization pending, String personId, DigitalKey key) {
        Optional<Person> person = personas.person(personId);
        if (person.isEmpty()) {
            return pending.refuse(LoginCheck.Refusal.UNKNOWN_PERSON);
        }
        LoginCheck check = checkLogin(person.get(), key, pending);
        return check.isAllowed() ? pending.complete(person.get(), key) : pending.refuse(check.refusal().get());
    }

    private void purgeExpiredFlows() {
        Instant now = clock.instant();
        flows.values().removeIf(f -> !now.isBefore(f.created().plus(FLOW_LIFETIME)));
    }

    /** 32 random bytes, base64url without padding (flow ids, codes, SAML ids). */
    public String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Forgets attacks, the preselected login, the issuer quirk and waiting flows, and resets the clock. */
    public void reset() {
        clearAttacks();
        clearPreselectedLogin();
        issuerQuirk = false;
        flows.clear();
        clock.reset();
    }
}
