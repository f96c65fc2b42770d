package be.fedauth.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One dated fact of the {@link Timeline}: a key becoming active, deprecated or retired, a route for
 * foreigners, an e-service's phase, cutover or identity providers, a helpdesk channel.
 *
 * @param at the first instant the fact holds; empty when it holds since before the 2019 page (no date known)
 * @param kind what kind of fact
 * @param subject what it is about: a {@link DigitalKey} name, a foreigner route, an e-service id or
 *     {@code CUSTOMS} for the customs helpdesk
 * @param attributes the kind's attributes (see the header of the shipped {@code timeline.txt})
 * @param source where the fact comes from; never blank
 * @param line the line of the file it was read from
 */
public record TimelineEntry(Optional<Instant> at, Kind kind, String subject, Map<String, String> attributes,
                            String source, int line) {

    /** The kinds of fact, each with its id in the file. */
    public enum Kind {
        /** A digital key is offered from this date (attributes {@code level}, optional {@code name}). */
        KEY_ACTIVE("key.active"),
        /** A digital key is still accepted, with a notice (attribute {@code notice}). */
        KEY_DEPRECATED("key.deprecated"),
        /** A digital key is refused from this date. */
        KEY_RETIRED("key.retired"),
        /** A way for a foreigner to log in opens (attributes {@code mailbox}, {@code page}, {@code countries}). */
        FOREIGNER_ROUTE("foreigner.route"),
        /** A way for a foreigner to log in closes. */
        FOREIGNER_ROUTE_ENDED("foreigner.route.ended"),
        /** An e-service's phase (attributes {@code state}, optional {@code name}, {@code version}, {@code by}). */
        ESERVICE_PHASE("eservice.phase"),
        /** An e-service's cutover (attributes {@code name}, {@code from}, {@code to}). */
        ESERVICE_CUTOVER("eservice.cutover"),
        /** The identity providers an e-service accepts from this date (attribute {@code idps}). */
        ESERVICE_IDP("eservice.idp"),
        /** A helpdesk channel (attributes {@code phone}, {@code international}, {@code mailbox}). */
        HELPDESK("helpdesk");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The id of the kind in the file, such as {@code key.retired}. */
        public String id() {
            return id;
        }
    }

    /** Validates and copies. */
    public TimelineEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new ConfigurationException("a timeline entry needs a source");
        }
    }

    /** An attribute, or empty. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(Objects.requireNonNull(name, "name")));
    }

    /** Whether the fact holds at {@code now}: undated facts always, dated ones from their instant on. */
    public boolean holdsAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return at.map(t -> !now.isBefore(t)).orElse(true);
    }
}
