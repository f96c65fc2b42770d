package be.fedauth.core.spi;

import be.fedauth.core.internal.MappingParser;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Under which names an identity provider releases each part of the identity: OIDC claim names or SAML
 * attribute names, several candidates per field, tried in order (the first one present counts). A field
 * with no name is not read. Immutable and thread-safe.
 */
public final class IdentityNames {
    /** The parts of the identity whose names an operator sets. */
    public enum Field {
        /** The first name(s). */
        GIVEN_NAME("given-name"),
        /** The family name. */
        FAMILY_NAME("family-name"),
        /** The e-mail address. */
        EMAIL("email"),
        /** The preferred language. */
        LANGUAGE("language"),
        /** The Belgian national register number. */
        NATIONAL_NUMBER("national-number");

        private final String id;

        Field(String id) {
            this.id = id;
        }

        /** The field's name in a NAMES list ({@code given-name}, ...). */
        public String id() {
            return id;
        }

        /** The field with this NAMES id, if any. */
        public static Optional<Field> of(String id) {
            return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
        }
    }

    /** No name for any field. */
    public static final IdentityNames NONE = new IdentityNames(Map.of());

    private final Map<Field, List<String>> names;

    private IdentityNames(Map<Field, List<String>> names) {
        Map<Field, List<String>> copy = new EnumMap<>(Field.class);
        names.forEach((field, list) -> {
            Objects.requireNonNull(field, "field");
            List<String> values = List.copyOf(list);
            if (values.stream().anyMatch(String::isBlank)) {
                throw new be.fedauth.core.ConfigurationException("a " + field.id() + " name is blank");
            }
            if (!values.isEmpty()) {
                copy.put(field, values);
            }
        });
        this.names = copy;
    }

    /** These names per field (copied; a field with an empty list is not read). */
    public static IdentityNames of(Map<Field, List<String>> names) {
        return new IdentityNames(Objects.requireNonNull(names, "names"));
    }

    /**
     * Reads a NAMES list: comma-separated {@code FIELD=NAME} items, FIELD one of {@code given-name},
     * {@code family-name}, {@code email}, {@code language}, {@code national-number}; a field given twice
     * has two candidate names, in that order. Only the fields named are set.
     *
     * @throws be.fedauth.core.ConfigurationException naming the item: no '=', an unknown field, an empty
     *     name, or the same field and name twice
     */
    public static IdentityNames parse(String names) {
        return new IdentityNames(MappingParser.names(Objects.requireNonNull(names, "names")));
    }

    /** The candidate names of a field, in order; empty when the field is not read. */
    public List<String> names(Field field) {
        return names.getOrDefault(Objects.requireNonNull(field, "field"), List.of());
    }

    /** These names with every field {@code overrides} names replaced by its names there. */
    public IdentityNames overriddenBy(IdentityNames overrides) {
        Map<Field, List<String>> merged = new EnumMap<>(Field.class);
        merged.putAll(names);
        merged.putAll(overrides.names);
        return new IdentityNames(merged);
    }

    /** These names with one field's replaced. */
    public IdentityNames with(Field field, List<String> fieldNames) {
        Map<Field, List<String>> merged = new EnumMap<>(Field.class);
        merged.putAll(names);
        merged.put(Objects.requireNonNull(field, "field"), List.copyOf(fieldNames));
        return new IdentityNames(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdentityNames other && names.equals(other.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        names.forEach((field, list) -> list.forEach(name ->
                text.append(text.length() == 0 ? "" : ",").append(field.id()).append('=').append(name)));
        return text.toString();
    }
}
