package be.fedauth.core.internal;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.ConfigurationException;
import be.fedauth.core.DigitalKey;
import be.fedauth.core.TimelineEntry;
import be.fedauth.core.TimelineEntry.Kind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the timeline's line format, strictly: five fields separated by {@code |}, known kinds, known
 * attributes per kind, valid subjects and dates. Every error names the line and the field.
 */
public final class TimelineParser {
    /** Brussels, in which the administration gives its days (not Transition.BRUSSELS: no class-init cycle). */
    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SERVICE = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");
    private static final Pattern ATTRIBUTE = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Set<String> ROUTES = Set.of("TOKEN", "EIDAS", "FORREG", "VIDEO_ID", "TEMPORARY_CERTIFICATE");
    private static final int MAX_LINES = 10_000;

    private TimelineParser() {
    }

    /** The entries of a timeline text; {@code origin} names it in errors. */
    public static List<TimelineEntry> parse(Reader text, String origin) {
        List<TimelineEntry> entries = new ArrayList<>();
        boolean formatSeen = false;
        int number = 0;
        try (BufferedReader reader = new BufferedReader(text)) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                number++;
                if (number > MAX_LINES) {
                    throw new ConfigurationException(origin + " has more than " + MAX_LINES + " lines");
                }
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (!formatSeen) {
                    if (!line.equals("format 1")) {
                        throw error(origin, number, "format", "the first line must be 'format 1'");
                    }
                    formatSeen = true;
                    continue;
                }
                entries.add(entry(line, origin, number));
            }
        } catch (IOException e) {
            throw new ConfigurationException(origin + " cannot be read", e);
        }
        if (!formatSeen) {
            throw new ConfigurationException(origin + " is empty: it has no 'format 1' line");
        }
        return List.copyOf(entries);
    }

    private static TimelineEntry entry(String line, String origin, int number) {
        String[] fields = line.split("\\|", -1);
        if (fields.length != 5) {
            throw error(origin, number, "line", "expected 5 fields separated by '|' (at | kind | subject | attributes"
                    + " | source), found " + fields.length);
        }
        Optional<Instant> at = at(fields[0].strip(), origin, number);
        Kind kind = kind(fields[1].strip(), origin, number);
        String subject = fields[2].strip();
        Map<String, String> attributes = attributes(fields[3].strip(), origin, number);
        String source = fields[4].strip();
        if (source.isEmpty()) {
            throw error(origin, number, "source", "every entry names its source");
        }
        check(kind, at, subject, attributes, origin, number);
        return new TimelineEntry(at, kind, subject, attributes, source, number);
    }

    private static Optional<Instant> at(String value, String origin, int number) {
        if (value.equals("-")) {
            return Optional.empty();
        }
        try {
            if (DAY.matcher(value).matches()) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(BRUSSELS).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeException e) {
            throw error(origin, number, "at", "'" + shown(value) + "' is neither yyyy-MM-dd, an ISO date-time with"
                    + " offset, nor '-'");
        }
    }

    private static Kind kind(String value, String origin, int number) {
        for (Kind kind : Kind.values()) {
            if (kind.id().equals(value)) {
                return kind;
            }
        }
        throw error(origin, number, "kind", "unknown kind '" + shown(value) + "'");
    }

    private static Map<String, String> attributes(String value, String origin, int number) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (value.equals("-")) {
            return attributes;
        }
        for (String pair : value.split(";", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
            String val = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (eq < 0 || !ATTRIBUTE.matcher(name).matches() || val.isEmpty()) {
                throw error(origin, number, "attributes", "'" + shown(pair.strip()) + "' is not name=value");
            }
            if (attributes.put(name, val) != null) {
                throw error(origin, number, "attributes", "'" + name + "' is given twice");
            }
        }
        return attributes;
    }

    private static void check(Kind kind, Optional<Instant> at, String subject, Map<String, String> attributes,
                              String origin, int number) {
        switch (kind) {
            case KEY_ACTIVE, KEY_DEPRECATED, KEY_RETIRED -> {
                DigitalKey key = key(subject, origin, number);
                allow(attributes, origin, number, kind == Kind.KEY_ACTIVE ? Set.of("level", "name")
                        : kind == Kind.KEY_DEPRECATED ? Set.of("notice") : Set.of());
                if (kind == Kind.KEY_ACTIVE) {
                    level(key, require(attributes, "level", origin, number), origin, number);
                }
                if (kind == Kind.KEY_DEPRECATED) {
                    require(attributes, "notice", origin, number);
                }
            }
            case FOREIGNER_ROUTE, FOREIGNER_ROUTE_ENDED -> {
                if (!ROUTES.contains(subject)) {
                    throw error(origin, number, "subject", "unknown foreigner route '" + shown(subject) + "', expected one of "
                            + new java.util.TreeSet<>(ROUTES));
                }
                allow(attributes, origin, number, Set.of("mailbox", "page", "countries"));
            }
            case ESERVICE_PHASE -> {
                service(subject, origin, number);
                allow(attributes, origin, number, Set.of("state", "name", "version", "by"));
                require(attributes, "state", origin, number);
            }
            case ESERVICE_CUTOVER -> {
                service(subject, origin, number);
                allow(attributes, origin, number, Set.of("name", "from", "to"));
                require(attributes, "name", origin, number);
                require(attributes, "from", origin, number);
                require(attributes, "to", origin, number);
            }
            case ESERVICE_IDP -> {
                service(subject, origin, number);
                allow(attributes, origin, number, Set.of("idps"));
                require(attributes, "idps", origin, number);
            }
            case HELPDESK -> {
                service(subject, origin, number);
                allow(attributes, origin, number, Set.of("phone", "international", "mailbox"));
                if (attributes.isEmpty()) {
                    throw error(origin, number, "attributes", "a helpdesk entry gives a phone or a mailbox");
                }
                String mailbox = attributes.get("mailbox");
                if (mailbox != null && !mailbox.matches("[^@\\s]+@[^@\\s]+")) {
                    throw error(origin, number, "attribute 'mailbox'", "not an e-mail address");
                }
            }
            default -> throw new IllegalStateException(kind.name());
        }
        if (at.isEmpty() && (kind == Kind.KEY_RETIRED || kind == Kind.KEY_DEPRECATED || kind == Kind.ESERVICE_CUTOVER
                || kind == Kind.FOREIGNER_ROUTE_ENDED)) {
            throw error(origin, number, "at", "a " + kind.id() + " entry needs a date");
        }
    }

    private static DigitalKey key(String subject, String origin, int number) {
        try {
            DigitalKey key = DigitalKey.valueOf(subject);
            if (key != DigitalKey.UNNAMED) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw error(origin, number, "subject", "'" + shown(subject) + "' is not a digital key fedauth names");
    }

    private static void level(DigitalKey key, String value, String origin, int number) {
        if (value.equals("unknown")) {
            if (key.isLevelKnown()) {
                throw error(origin, number, "attribute 'level'", key + " has level " + key.level().value() + ", not unknown");
            }
            return;
        }
        try {
            AssuranceLevel level = AssuranceLevel.ofValue(Integer.parseInt(value));
            if (key.isLevelKnown() && level != key.level()) {
                throw error(origin, number, "attribute 'level'", key + " has level " + key.level().value() + ", not " + value);
            }
        } catch (IllegalArgumentException e) {
            throw error(origin, number, "attribute 'level'", "'" + shown(value) + "' is not a FAS level (100 to 500) or unknown");
        }
    }

    private static void service(String subject, String origin, int number) {
        if (!SERVICE.matcher(subject).matches()) {
            throw error(origin, number, "subject", "'" + shown(subject) + "' is not an e-service id (upper case)");
        }
    }

    private static void allow(Map<String, String> attributes, String origin, int number, Set<String> allowed) {
        for (String name : attributes.keySet()) {
            if (!allowed.contains(name)) {
                throw error(origin, number, "attribute '" + name + "'", "not an attribute of this kind; allowed: "
                        + (allowed.isEmpty() ? "none" : new java.util.TreeSet<>(allowed)));
            }
        }
    }

    private static String require(Map<String, String> attributes, String name, String origin, int number) {
        String value = attributes.get(name);
        if (value == null) {
            throw error(origin, number, "attribute '" + name + "'", "missing");
        }
        return value;
    }

    private static ConfigurationException error(String origin, int number, String field, String problem) {
        return new ConfigurationException(origin + " line " + number + ", field " + field + ": " + problem);
    }

    /** At most 60 printable characters of a value from the file. */
    private static String shown(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 60 ? clean.substring(0, 60) + "..." : clean;
    }
}
