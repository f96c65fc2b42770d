package be.fedauth.testkit.internal;

import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.EnterpriseNumber;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Language;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.RoleState;
import be.fedauth.core.Transition;
import be.fedauth.testkit.OidcClient;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.PersonaEnterprise;
import be.fedauth.testkit.PersonaMandate;
import be.fedauth.testkit.PersonaRole;
import be.fedauth.testkit.Personas;
import be.fedauth.testkit.SamlServiceProvider;
import be.fedauth.testkit.internal.PersonaFileDto.EnterpriseEntry;
import be.fedauth.testkit.internal.PersonaFileDto.MandateEntry;
import be.fedauth.testkit.internal.PersonaFileDto.OidcClientEntry;
import be.fedauth.testkit.internal.PersonaFileDto.PersonEntry;
import be.fedauth.testkit.internal.PersonaFileDto.RoleEntry;
import be.fedauth.testkit.internal.PersonaFileDto.SamlServiceProviderEntry;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a persona file: the JSON is bound with JSON-B section by section, then checked field by field;
 * the first error becomes a {@link ConfigurationException} naming the source, line and field
 * ({@code personas.json, line 14: people[1].nationalNumber: ...}). Messages never repeat a value.
 */
public final class PersonaFileReader {
    private static final Set<String> SECTIONS = Set.of("people", "enterprises", "roles", "mandates", "oidcClients",
            "samlServiceProviders");
    private static final Pattern QUOTED = Pattern.compile("'([A-Za-z][A-Za-z0-9_]*)'");
    private static final Pattern FEDID = Pattern.compile("[0-9a-f]{40}");

    private final String source;
    private final JsonLines lines;
    private final Jsonb jsonb;

    private PersonaFileReader(String source, JsonLines lines) {
        this.source = source;
        this.lines = lines;
        this.jsonb = JsonbBuilder.create(new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", true)
                .setProperty("yasson.fail-on-unknown-properties", true));
    }

    /** Parses persona JSON; {@code source} names the file in errors. */
    public static Personas read(String json, String source) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ConfigurationException(source + ", line 1: a persona file is a JSON object");
            }
            root = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw new ConfigurationException(source + ", line " + e.getLocation().getLineNumber()
                    + ": not valid JSON", e);
        } catch (JsonException e) {
            throw new ConfigurationException(source + ": not valid JSON", e);
        }
        PersonaFileReader reader = new PersonaFileReader(source, JsonLines.of(json));
        try {
            return reader.read(root);
        } finally {
            try {
                reader.jsonb.close();
            } catch (Exception e) {
                // closing JSON-B releases caches only
            }
        }
    }

    private Personas read(JsonObject root) {
        for (String key : root.keySet()) {
            if (!SECTIONS.contains(key)) {
                throw error("/" + key, key, "unknown section (expected one of " + new TreeSet<>(SECTIONS) + ")");
            }
        }
        List<Person> people = section(root, "people", PersonEntry.class, this::person);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            if (!ids.add(people.get(i).id())) {
                throw error("/people/" + i + "/id", "people[" + i + "].id", "duplicate persona id");
            }
        }
        List<PersonaEnterprise> enterprises = section(root, "enterprises", EnterpriseEntry.class,
                at -> enterprise(at, people));
        List<PersonaRole> roles = section(root, "roles", RoleEntry.class, at -> role(at, people, enterprises));
        List<PersonaMandate> mandates = section(root, "mandates", MandateEntry.class,
                at -> mandate(at, people, enterprises));
        List<OidcClient> clients = section(root, "oidcClients", OidcClientEntry.class, this::client);
        List<SamlServiceProvider> sps = section(root, "samlServiceProviders", SamlServiceProviderEntry.class, this::sp);
        return new Personas(people, enterprises, roles, mandates, clients, sps);
    }

    /** One bound entry and where it is. */
    private record At<T>(T entry, String pointer, String name) {
        String field(String field) {
            return name + "." + field;
        }
    }

    private <T, R> List<R> section(JsonObject root, String section, Class<T> type, Function<At<T>, R> convert) {
        JsonValue value = root.get(section);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw error("/" + section, section, "must be a JSON array");
        }
        JsonArray array = value.asJsonArray();
        List<R> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String pointer = "/" + section + "/" + i;
            String name = section + "[" + i + "]";
            if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw error(pointer, name, "must be a JSON object");
            }
            checkShape(array.get(i).asJsonObject(), type, pointer, name);
            T entry;
            try {
                entry = jsonb.fromJson(array.get(i).toString(), type);
            } catch (JsonbException e) {
                throw bindingError(pointer, name, e);
            }
            result.add(convert.apply(new At<>(entry, pointer, name)));
        }
        return result;
    }

    /** Unknown fields and values of the wrong JSON type, found before binding so the error is exact. */
    private void checkShape(JsonObject object, Class<?> type, String pointer, String name) {
        for (Map.Entry<String, JsonValue> member : object.entrySet()) {
            Field field;
            try {
                field = type.getField(member.getKey());
            } catch (NoSuchFieldException e) {
                throw error(pointer + "/" + member.getKey(), name + "." + member.getKey(), "unknown field");
            }
            JsonValue.ValueType actual = member.getValue().getValueType();
            if (actual == JsonValue.ValueType.NULL) {
                continue;
            }
            Class<?> expected = field.getType();
            boolean ok = expected == Boolean.class ? actual == JsonValue.ValueType.TRUE || actual == JsonValue.ValueType.FALSE
                    : expected == String.class ? actual == JsonValue.ValueType.STRING
                    : expected == List.class ? actual == JsonValue.ValueType.ARRAY
                    : actual == JsonValue.ValueType.OBJECT;
            if (!ok) {
                String wanted = expected == Boolean.class ? "true or false" : expected == String.class ? "a string"
                        : expected == List.class ? "an array" : "an object";
                throw error(pointer + "/" + member.getKey(), name + "." + member.getKey(), "wrong type, expected " + wanted);
            }
        }
    }

    private ConfigurationException bindingError(String pointer, String name, JsonbException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher m = QUOTED.matcher(String.valueOf(t.getMessage()));
            while (m.find()) {
                String field = m.group(1);
                if (lines.line(pointer + "/" + field).isPresent()) {
                    boolean unknown = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("unknown");
                    return error(pointer + "/" + field, name + "." + field,
                            unknown ? "unknown field" : "wrong type of value", e);
                }
            }
        }
        return error(pointer, name, "cannot be read", e);
    }

    private Person person(At<PersonEntry> at) {
        PersonEntry p = at.entry();
        String id = required(at, "id", p.id);
        boolean foreigner = Boolean.TRUE.equals(p.foreigner);
        Optional<NationalRegisterNumber> nrn = Optional.empty();
        if (p.nationalNumber != null) {
            nrn = Optional.of(parse(at, "nationalNumber", () -> NationalRegisterNumber.parse(p.nationalNumber)));
        } else if (!foreigner) {
            throw missing(at, "nationalNumber", "required unless \"foreigner\" is true");
        }
        Language language = Language.fromCode(required(at, "language", p.language))
                .filter(l -> p.language.length() == 2)
                .orElseThrow(() -> invalid(at, "language", "one of fr, nl, de, en"));
        String fedid = required(at, "fedid", p.fedid);
        if (!FEDID.matcher(fedid).matches()) {
            throw invalid(at, "fedid", "40 lower-case hexadecimal characters");
        }
        Set<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
        List<String> keyNames = p.keys == null ? List.of() : p.keys;
        for (int k = 0; k < keyNames.size(); k++) {
            String keyName = keyNames.get(k);
            try {
                keys.add(DigitalKey.valueOf(String.valueOf(keyName).toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw error(at.pointer() + "/keys/" + k, at.field("keys[" + k + "]"),
                        "not a digital key (one of " + List.of(DigitalKey.values()) + ")");
            }
        }
        return new Person(id, nrn, foreigner, required(at, "givenName", p.givenName),
                required(at, "familyName", p.familyName), language, Optional.ofNullable(p.email), fedid, keys,
                Boolean.TRUE.equals(p.socialSecurityOnly));
    }

    private PersonaEnterprise enterprise(At<EnterpriseEntry> at, List<Person> people) {
        EnterpriseEntry e = at.entry();
        EnterpriseNumber number = parse(at, "number", () -> EnterpriseNumber.parse(required(at, "number", e.number)));
        if (e.localManager != null) {
            personRef(at, "localManager", e.localManager, people);
        }
        return new PersonaEnterprise(number, required(at, "name", e.name), Optional.ofNullable(e.localManager));
    }

    private PersonaRole role(At<RoleEntry> at, List<Person> people, List<PersonaEnterprise> enterprises) {
        RoleEntry r = at.entry();
        personRef(at, "person", required(at, "person", r.person), people);
        EnterpriseNumber enterprise = enterpriseRef(at, "enterprise", r.enterprise, enterprises);
        RoleState state = parse(at, "state", () -> RoleState.valueOf(required(at, "state", r.state)
                .toUpperCase(Locale.ROOT)));
        Instant from = instant(at, "validFrom", required(at, "validFrom", r.validFrom));
        Optional<Instant> until = r.validUntil == null ? Optional.empty()
                : Optional.of(instant(at, "validUntil", r.validUntil));
        if (until.isPresent() && !until.get().isAfter(from)) {
            throw invalid(at, "validUntil", "after validFrom");
        }
        return new PersonaRole(r.person, enterprise, required(at, "eService", r.eService), required(at, "role", r.role),
                state, from, until);
    }

    private PersonaMandate mandate(At<MandateEntry> at, List<Person> people, List<PersonaEnterprise> enterprises) {
        MandateEntry m = at.entry();
        EnterpriseNumber giver = enterpriseRef(at, "giver", m.giver, enterprises);
        Person holder = personRef(at, "holder", required(at, "holder", m.holder), people);
        if (holder.nationalNumber().isEmpty()) {
            throw invalid(at, "holder", "a person with a national number");
        }
        if (m.eServices == null || m.eServices.isEmpty()) {
            throw missing(at, "eServices", "at least one e-service id");
        }
        Instant from = instant(at, "validFrom", required(at, "validFrom", m.validFrom));
        Instant until = instant(at, "validUntil", required(at, "validUntil", m.validUntil));
        if (!until.isAfter(from)) {
            throw invalid(at, "validUntil", "after validFrom");
        }
        return new PersonaMandate(giver, m.holder, required(at, "type", m.type), new LinkedHashSet<>(m.eServices),
                from, until, Boolean.TRUE.equals(m.signedByGiver), Boolean.TRUE.equals(m.signedByHolder));
    }

    private OidcClient client(At<OidcClientEntry> at) {
        OidcClientEntry c = at.entry();
        String id = required(at, "clientId", c.clientId);
        if (c.secret == null && c.jwks == null) {
            throw missing(at, "secret", "a secret, a jwks or both");
        }
        return new OidcClient(id, Optional.ofNullable(c.secret), uris(at, "redirectUris", c.redirectUris),
                Optional.ofNullable(c.jwks).map(jsonb::toJson));
    }

    private SamlServiceProvider sp(At<SamlServiceProviderEntry> at) {
        SamlServiceProviderEntry s = at.entry();
        SamlServiceProvider sp = new SamlServiceProvider(required(at, "entityId", s.entityId),
                uris(at, "acsUrls", s.acsUrls), certificate(at, "signingCertificate", s.signingCertificate),
                certificate(at, "encryptionCertificate", s.encryptionCertificate));
        return s.singleLogoutUrl == null ? sp : sp.withSingleLogoutUrl(
                uri(at.pointer() + "/singleLogoutUrl", at.field("singleLogoutUrl"), s.singleLogoutUrl));
    }

    private List<URI> uris(At<?> at, String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            throw missing(at, field, "at least one absolute URL");
        }
        List<URI> uris = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            uris.add(uri(at.pointer() + "/" + field + "/" + i, at.field(field + "[" + i + "]"), values.get(i)));
        }
        return uris;
    }

    private URI uri(String pointer, String field, String value) {
        try {
            URI uri = new URI(String.valueOf(value));
            if (!uri.isAbsolute() || uri.getFragment() != null) {
                throw new URISyntaxException(uri.toString(), "not absolute, or with a fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw error(pointer, field, "not an absolute URL without fragment", e);
        }
    }

    private Optional<X509Certificate> certificate(At<?> at, String field, String pem) {
        if (pem == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TestKeys.certificate(pem));
        } catch (CertificateException e) {
            throw error(at.pointer() + "/" + field, at.field(field), "not a PEM X.509 certificate", e);
        }
    }

    private Person personRef(At<?> at, String field, String id, List<Person> people) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> invalid(at, field, "the id of a person of \"people\""));
    }

    private EnterpriseNumber enterpriseRef(At<?> at, String field, String value, List<PersonaEnterprise> enterprises) {
        EnterpriseNumber number = parse(at, field, () -> EnterpriseNumber.parse(required(at, field, value)));
        if (enterprises.stream().noneMatch(e -> e.number().equals(number))) {
            throw invalid(at, field, "the number of an enterprise of \"enterprises\"");
        }
        return number;
    }

    /** An instant ({@code 2024-01-31T00:00:00Z}) or a date, taken as its start in Brussels. */
    private Instant instant(At<?> at, String field, String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(Transition.BRUSSELS).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(at, field, "a date (2024-01-31) or an instant (2024-01-31T00:00:00Z)");
        }
    }

    private interface Parse<T> {
        T get();
    }

    private <T> T parse(At<?> at, String field, Parse<T> parse) {
        try {
            return parse.get();
        } catch (ConfigurationException e) {
            throw e;
        } catch (FedAuthException | IllegalArgumentException e) {
            throw error(at.pointer() + "/" + field, at.field(field), "invalid: " + e.getMessage(), e);
        }
    }

    private <T> T required(At<?> at, String field, T value) {
        if (value == null) {
            throw missing(at, field, "a value");
        }
        return value;
    }

    private ConfigurationException missing(At<?> at, String field, String expected) {
        return error(at.pointer(), at.field(field), "missing, expected " + expected);
    }

    private ConfigurationException invalid(At<?> at, String field, String expected) {
        return error(at.pointer() + "/" + field, at.field(field), "invalid, expected " + expected);
    }

    private ConfigurationException error(String pointer, String field, String what) {
        return error(pointer, field, what, null);
    }

    private ConfigurationException error(String pointer, String field, String what, Throwable cause) {
        String line = lines.line(pointer).map(l -> ", line " + l).orElse("");
        String message = source + line + ": " + field + ": " + what;
        return cause == null ? new ConfigurationException(message) : new ConfigurationException(message, cause);
    }
}
