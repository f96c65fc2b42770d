package be.fedauth.core.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.spi.IdentityNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two operator syntaxes, read in one place for every protocol: a level MAPPING
 * ({@code VALUE=LEVEL} or {@code VALUE=LEVEL:KEY}, comma-separated, split at the last '=' because values
 * such as URNs hold ':') and a NAMES list ({@code FIELD=NAME}, comma-separated). Every error is a
 * {@link ConfigurationException} that names the item, cleaned (printable ASCII, cut). Thread-safe.
 */
public final class MappingParser {
    private MappingParser() {
    }

    /**
     * One item of a level mapping.
     *
     * @param value the response or request value
     * @param level the level it means
     * @param key the key it names, when it names one
     */
    public record LevelItem(String value, AssuranceLevel level, Optional<DigitalKey> key) {
    }

    /**
     * The items of a level mapping, in order. An empty or blank mapping has none.
     *
     * @throws ConfigurationException naming the item: no '=', an empty value, a level that is not one of
     *     100 200 300 350 400 450 500, an unknown key, a key given at another level than its own (or one
     *     whose level is not known), or a value given twice
     */
    public static List<LevelItem> levels(String mapping) {
        List<LevelItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : items(mapping)) {
            String item = raw.strip();
            int eq = item.lastIndexOf('=');
            if (eq < 0) {
                throw bad(item, "is not VALUE=LEVEL or VALUE=LEVEL:KEY");
            }
            String value = item.substring(0, eq).strip();
            String meaning = item.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw bad(item, "has an empty value");
            }
            int colon = meaning.indexOf(':');
            AssuranceLevel level = level(item, colon < 0 ? meaning : meaning.substring(0, colon).strip());
            Optional<DigitalKey> key = colon < 0 ? Optional.empty()
                    : Optional.of(key(item, meaning.substring(colon + 1).strip(), level));
            if (!seen.add(value)) {
                throw bad(item, "maps a value given earlier in the mapping");
            }
            items.add(new LevelItem(value, level, key));
        }
        return List.copyOf(items);
    }

    /**
     * The names of a NAMES list, per field in the order given (a field named twice has two candidate
     * names, tried in that order). An empty or blank list has none.
     *
     * @throws ConfigurationException naming the item: no '=', an unknown field, an empty name, or the same
     *     field and name twice
     */
    public static Map<IdentityNames.Field, List<String>> names(String names) {
        Map<IdentityNames.Field, Set<String>> out = new EnumMap<>(IdentityNames.Field.class);
        for (String raw : items(names)) {
            String item = raw.strip();
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw bad(item, "is not FIELD=NAME");
            }
            String fieldId = item.substring(0, eq).strip();
            String name = item.substring(eq + 1).strip();
            IdentityNames.Field field = IdentityNames.Field.of(fieldId).orElseThrow(() -> bad(item,
                    "names no known field (given-name, family-name, email, language, national-number)"));
            if (name.isEmpty()) {
                throw bad(item, "has an empty name");
            }
            if (!out.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(name)) {
                throw bad(item, "is given twice");
            }
        }
        Map<IdentityNames.Field, List<String>> result = new EnumMap<>(IdentityNames.Field.class);
        out.forEach((field, list) -> result.put(field, List.copyOf(list)));
        return result;
    }

    /** The comma-separated items; none for a blank text; an empty item between commas is an error. */
    private static List<String> items(String text) {
        if (text == null) {
            throw new NullPointerException("mapping");
        }
        if (text.isBlank()) {
            return List.of();
        }
        List<String> items = List.of(text.split(",", -1));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).isBlank()) {
                throw new ConfigurationException("item " + (i + 1) + " of '" + TableLevelVocabulary.shown(text)
                        + "' is empty (two commas, or a comma at an end)");
            }
        }
        return items;
    }

    private static AssuranceLevel level(String item, String text) {
        for (AssuranceLevel level : AssuranceLevel.values()) {
            if (String.valueOf(level.value()).equals(text)) {
                return level;
            }
        }
        throw bad(item, "has the level '" + TableLevelVocabulary.shown(text)
                + "', not one of 100 200 300 350 400 450 500");
    }

    private static DigitalKey key(String item, String text, AssuranceLevel level) {
        DigitalKey key;
        try {
            key = DigitalKey.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(item, "names the key '" + TableLevelVocabulary.shown(text) + "', which is not a DigitalKey"
                    + " (EID, ITSME, PASSWORD_MOBILE_APP, PASSWORD_EMAIL_CODE, PASSWORD_SMS_CODE, PASSWORD_TOKEN,"
                    + " PASSWORD, FOREIGN_EID, SOCIAL_SECURITY)");
        }
        if (!key.isLevelKnown()) {
            throw bad(item, "names " + key + ", whose level fedauth does not know: map the value to a level alone");
        }
        if (key.level() != level) {
            throw bad(item, "gives " + key + " at level " + level.value() + ", but that key is level " + key.level().value());
        }
        return key;
    }

    private static ConfigurationException bad(String item, String why) {
        return new ConfigurationException("the item '" + TableLevelVocabulary.shown(item) + "' " + why);
    }
}
