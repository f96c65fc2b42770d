package be.fedauth.core;

import be.fedauth.core.TimelineEntry.Kind;
import be.fedauth.core.internal.TimelineParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The dated facts about BOSA FAS and the customs e-services, as data: digital keys and their lifecycle
 * (active, deprecated with a notice, retired), routes for foreigners, e-service phases, cutovers and
 * identity providers, helpdesk channels. Every entry has its date and its source.
 *
 * <p>{@link #standard()} reads the file shipped in sdk-core ({@code be/fedauth/core/timeline.txt});
 * an operator replaces it at start with {@link #load(Path)} (a moved date or a newly retired key then
 * changes behaviour without a release). The format is strict: a malformed file fails at once with a
 * {@link ConfigurationException} ({@code invalid_configuration}) naming the line and the field.
 * Immutable and thread-safe.
 */
public final class Timeline {
    /** The classpath resource of the shipped timeline. */
    public static final String RESOURCE = "/be/fedauth/core/timeline.txt";

    private final List<TimelineEntry> entries;
    private final String origin;

    private Timeline(List<TimelineEntry> entries, String origin) {
        this.entries = List.copyOf(entries);
        this.origin = origin;
        for (DigitalKey key : DigitalKey.values()) {
            Optional<Instant> deprecated = first(Kind.KEY_DEPRECATED, key.name());
            Optional<Instant> retired = first(Kind.KEY_RETIRED, key.name());
            if (deprecated.isPresent() && retired.isPresent() && retired.get().isBefore(deprecated.get())) {
                throw new ConfigurationException(origin + ": " + key + " is retired before it is deprecated");
            }
        }
    }

    /** The timeline shipped with this version of fedauth. */
    public static Timeline standard() {
        return Shipped.STANDARD;
    }

    /**
     * Reads an operator's timeline file (UTF-8), for example to move a date or retire another key.
     *
     * @throws ConfigurationException when the file cannot be read or is malformed (the message names
     *     the line and the field)
     */
    public static Timeline load(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.getFileName().toString());
        } catch (IOException e) {
            throw new ConfigurationException("the timeline file " + file.getFileName() + " cannot be read", e);
        }
    }

    /**
     * Reads a timeline text; {@code origin} names it in error messages.
     *
     * @throws ConfigurationException when it is malformed (the message names the line and the field)
     */
    public static Timeline parse(Reader text, String origin) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
        return new Timeline(TimelineParser.parse(text, origin), origin);
    }

    /** Every entry, in file order. */
    public List<TimelineEntry> entries() {
        return entries;
    }

    /** The entries of one kind, in file order. */
    public List<TimelineEntry> entries(Kind kind) {
        Objects.requireNonNull(kind, "kind");
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    /** The keys this timeline retires, each from its first {@code key.retired} instant. */
    public KeyRetirements retirements() {
        List<KeyRetirement> retirements = new ArrayList<>();
        for (DigitalKey key : DigitalKey.values()) {
            first(Kind.KEY_RETIRED, key.name()).ifPresent(at -> retirements.add(new KeyRetirement(key, at)));
        }
        return new KeyRetirements(retirements);
    }

    /** When {@code key} is retired, if this timeline retires it. */
    public Optional<Instant> retiredAt(DigitalKey key) {
        return first(Kind.KEY_RETIRED, Objects.requireNonNull(key, "key").name());
    }

    /**
     * The keys a user can log in with at {@code now}: those whose {@code key.active} entry holds and
     * that are not retired.
     */
    public Set<DigitalKey> activeKeys(Instant now) {
        Objects.requireNonNull(now, "now");
        Set<DigitalKey> keys = EnumSet.noneOf(DigitalKey.class);
        for (TimelineEntry e : entries(Kind.KEY_ACTIVE)) {
            DigitalKey key = DigitalKey.valueOf(e.subject());
            if (e.holdsAt(now) && retiredAt(key).map(now::isBefore).orElse(true)) {
                keys.add(key);
            }
        }
        return Set.copyOf(keys);
    }

    /**
     * Whether {@code key} is not offered yet at {@code now}: the timeline dates its {@code key.active}
     * entries and none holds yet (MyGov.be before October 2025). Keys the timeline does not list are
     * never "not yet active".
     */
    public boolean isNotYetActive(DigitalKey key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        List<TimelineEntry> active = entries(Kind.KEY_ACTIVE).stream().filter(e -> e.subject().equals(key.name())).toList();
        return !active.isEmpty() && active.stream().noneMatch(e -> e.holdsAt(now));
    }

    /**
     * The notice for a login with {@code key} at {@code now} when the key is deprecated then (and not
     * yet retired): {@link Notice#KEY_DEPRECATED}, with the last day before its retirement if one is dated.
     */
    public Optional<Notice> deprecationNotice(DigitalKey key, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        Optional<Instant> deprecated = first(Kind.KEY_DEPRECATED, key.name());
        Optional<Instant> retired = retiredAt(key);
        if (deprecated.isEmpty() || now.isBefore(deprecated.get()) || retired.map(r -> !now.isBefore(r)).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(Notice.keyDeprecated(key, retired.map(r -> r.minusNanos(1).atZone(Transition.BRUSSELS)
                .toLocalDate())));
    }

    /**
     * The first instant of the cutover {@code name} of e-service {@code service} (for NCTS: {@code bosa},
     * 24/10/2019; {@code phase5}, 21/01/2025).
     *
     * @throws ConfigurationException when the timeline has no such cutover
     */
    public Instant cutover(String service, String name) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        return entries(Kind.ESERVICE_CUTOVER).stream()
                .filter(e -> e.subject().equals(service) && e.attribute("name").orElseThrow().equals(name))
                .map(e -> e.at().orElseThrow()).findFirst()
                .orElseThrow(() -> new ConfigurationException(origin + " has no cutover '" + name + "' of " + service));
    }

    /** The foreigner routes open at {@code now} (TOKEN, EIDAS, FORREG, VIDEO_ID...), in file order. */
    public Set<String> foreignerRoutes(Instant now) {
        Objects.requireNonNull(now, "now");
        Set<String> routes = new LinkedHashSet<>();
        for (TimelineEntry e : entries) {
            if (e.holdsAt(now) && e.kind() == Kind.FOREIGNER_ROUTE) {
                routes.add(e.subject());
            }
        }
        for (TimelineEntry e : entries(Kind.FOREIGNER_ROUTE_ENDED)) {
            if (e.holdsAt(now)) {
                routes.remove(e.subject());
            }
        }
        return java.util.Collections.unmodifiableSet(routes);
    }

    /** The e-service ids the timeline knows at {@code now} (those with a phase that holds then), in file order. */
    public Set<String> eServices(Instant now) {
        Objects.requireNonNull(now, "now");
        Set<String> ids = new LinkedHashSet<>();
        for (TimelineEntry e : entries(Kind.ESERVICE_PHASE)) {
            if (e.holdsAt(now)) {
                ids.add(e.subject());
            }
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    /**
     * The latest value of a helpdesk attribute ({@code phone}, {@code international}, {@code mailbox})
     * for {@code subject} (an e-service id, or {@code CUSTOMS}) at {@code now}.
     */
    public Optional<String> helpdesk(String subject, String attribute, Instant now) {
        Objects.requireNonNull(now, "now");
        return latest(subject, attribute, e -> e.holdsAt(now));
    }

    /** The current value of a helpdesk attribute: the last one in the file, whatever its date. */
    public Optional<String> helpdesk(String subject, String attribute) {
        return latest(subject, attribute, e -> true);
    }

    private Optional<String> latest(String subject, String attribute, java.util.function.Predicate<TimelineEntry> when) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(attribute, "attribute");
        Optional<String> value = Optional.empty();
        Instant latest = Instant.MIN;
        for (TimelineEntry e : entries(Kind.HELPDESK)) {
            Instant at = e.at().orElse(Instant.MIN);
            if (e.subject().equals(subject) && when.test(e) && e.attribute(attribute).isPresent() && !at.isBefore(latest)) {
                value = e.attribute(attribute);
                latest = at;
            }
        }
        return value;
    }

    private Optional<Instant> first(Kind kind, String subject) {
        return entries.stream().filter(e -> e.kind() == kind && e.subject().equals(subject) && e.at().isPresent())
                .map(e -> e.at().get()).min(Instant::compareTo);
    }

    @Override
    public String toString() {
        return "Timeline[" + origin + ", " + entries.size() + " entries]";
    }

    /** The shipped timeline, read once when first used. */
    private static final class Shipped {
        static final Timeline STANDARD = read();

        private static Timeline read() {
            try (InputStream in = Timeline.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new ConfigurationException("the shipped timeline " + RESOURCE + " is missing");
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "timeline.txt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
