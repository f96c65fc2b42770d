package be.fedauth.testkit;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.EnterpriseNumber;
import be.fedauth.testkit.internal.PersonaFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The people, enterprises, roles, mandates and registered clients the fake IdP knows: one persona
 * file feeds both protocols. Immutable and thread-safe.
 *
 * <p>{@link #defaults()} is the file shipped in the testkit jar (see {@code docs/testkit.md}); {@link #load(Path)}
 * reads a tester's own file. A bad file fails with a {@link ConfigurationException} whose message names
 * the field and the line.
 */
public final class Personas {
    /** Resource name of the default persona file inside the testkit jar. */
    public static final String DEFAULT_RESOURCE = "/be/fedauth/testkit/personas.json";

    /** No people, enterprises or clients. */
    public static final Personas NONE = new Personas(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    private final List<Person> people;
    private final List<PersonaEnterprise> enterprises;
    private final List<PersonaRole> roles;
    private final List<PersonaMandate> mandates;
    private final List<OidcClient> oidcClients;
    private final List<SamlServiceProvider> samlServiceProviders;

    /** Assembles personas; ids and references are checked by the file reader, not here. */
    public Personas(List<Person> people, List<PersonaEnterprise> enterprises, List<PersonaRole> roles,
                    List<PersonaMandate> mandates, List<OidcClient> oidcClients,
                    List<SamlServiceProvider> samlServiceProviders) {
        this.people = List.copyOf(people);
        this.enterprises = List.copyOf(enterprises);
        this.roles = List.copyOf(roles);
        this.mandates = List.copyOf(mandates);
        this.oidcClients = List.copyOf(oidcClients);
        this.samlServiceProviders = List.copyOf(samlServiceProviders);
    }

    /** The default personas shipped in the testkit jar. */
    public static Personas defaults() {
        try (InputStream in = Personas.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new ConfigurationException("the default persona file is missing from the testkit jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default personas");
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the default persona file", e);
        }
    }

    /** Reads a persona file (UTF-8 JSON). */
    public static Personas load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the persona file " + file, e);
        }
    }

    /**
     * Parses persona JSON.
     *
     * @param json   the file content
     * @param source a name for error messages (a file name)
     * @throws ConfigurationException naming the field and line of the first error
     */
    public static Personas parse(String json, String source) {
        return PersonaFileReader.read(Objects.requireNonNull(json, "json"), Objects.requireNonNull(source, "source"));
    }

    public List<Person> people() {
        return people;
    }

    /** The person with this persona id. */
    public Optional<Person> person(String id) {
        Objects.requireNonNull(id, "id");
        return people.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public List<PersonaEnterprise> enterprises() {
        return enterprises;
    }

    /** The enterprise with this number. */
    public Optional<PersonaEnterprise> enterprise(EnterpriseNumber number) {
        Objects.requireNonNull(number, "number");
        return enterprises.stream().filter(e -> e.number().equals(number)).findFirst();
    }

    /** Every role grant of the file, whatever its state and dates. */
    public List<PersonaRole> roles() {
        return roles;
    }

    /** The role grants of one person, whatever their state and dates. */
    public List<PersonaRole> rolesOf(Person person) {
        Objects.requireNonNull(person, "person");
        return roles.stream().filter(r -> r.personId().equals(person.id())).toList();
    }

    /** Every mandate of the file, signed or not, current or not. */
    public List<PersonaMandate> mandates() {
        return mandates;
    }

    /** The mandates held by one person, signed or not, current or not. */
    public List<PersonaMandate> mandatesHeldBy(Person person) {
        Objects.requireNonNull(person, "person");
        return mandates.stream().filter(m -> m.holderId().equals(person.id())).toList();
    }

    public List<OidcClient> oidcClients() {
        return oidcClients;
    }

    /** The OIDC client with this client id. */
    public Optional<OidcClient> oidcClient(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return oidcClients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public List<SamlServiceProvider> samlServiceProviders() {
        return samlServiceProviders;
    }

    /** The SAML service provider with this entity id. */
    public Optional<SamlServiceProvider> samlServiceProvider(String entityId) {
        Objects.requireNonNull(entityId, "entityId");
        return samlServiceProviders.stream().filter(s -> s.entityId().equals(entityId)).findFirst();
    }

    /** A copy with {@code client} registered, replacing a client with the same id. */
    public Personas withOidcClient(OidcClient client) {
        Objects.requireNonNull(client, "client");
        List<OidcClient> clients = new ArrayList<>(oidcClients);
        clients.removeIf(c -> c.clientId().equals(client.clientId()));
        clients.add(client);
        return new Personas(people, enterprises, roles, mandates, clients, samlServiceProviders);
    }

    /** A copy with {@code sp} registered, replacing a service provider with the same entity id. */
    public Personas withSamlServiceProvider(SamlServiceProvider sp) {
        Objects.requireNonNull(sp, "sp");
        List<SamlServiceProvider> sps = new ArrayList<>(samlServiceProviders);
        sps.removeIf(s -> s.entityId().equals(sp.entityId()));
        sps.add(sp);
        return new Personas(people, enterprises, roles, mandates, oidcClients, sps);
    }

    @Override
    public String toString() {
        return "Personas[" + people.size() + " people, " + enterprises.size() + " enterprises, " + roles.size()
                + " roles, " + mandates.size() + " mandates, " + oidcClients.size() + " OIDC clients, "
                + samlServiceProviders.size() + " SAML SPs]";
    }
}
