package be.fedauth.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A dated move of an e-service from one provider to another: before {@link #cutover()} only the
 * legacy provider; from the cutover until {@link #graceEnd()} (exclusive) both, successor first;
 * from the grace end on only the successor.
 *
 * @param legacy the provider being left (for NCTS, the social-security login)
 * @param successor the provider moved to (for NCTS, BOSA FAS)
 * @param cutover the first instant the successor is offered
 * @param graceEnd the first instant the legacy provider is refused (not before the cutover)
 */
public record Transition(ProviderId legacy, ProviderId successor, Instant cutover, Instant graceEnd) {

    /** Belgian time, in which the customs administration states its dates. */
    public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The day NCTS moved to BOSA FAS, 24 October 2019: the {@code bosa} cutover of NCTS in {@link Timeline#standard()}. */
    public static final LocalDate NCTS_CUTOVER_DAY = Timeline.standard().cutover("NCTS", "bosa").atZone(BRUSSELS).toLocalDate();

    /** Validates. */
    public Transition {
        Objects.requireNonNull(legacy, "legacy");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(cutover, "cutover");
        Objects.requireNonNull(graceEnd, "graceEnd");
        if (legacy.equals(successor)) {
            throw new ConfigurationException("a transition goes between two different providers");
        }
        if (graceEnd.isBefore(cutover)) {
            throw new ConfigurationException("the grace period cannot end before the cutover");
        }
    }

    /**
     * The NCTS preset: from the social-security login to BOSA FAS at the start of 24/10/2019 in
     * Brussels. The end of grace was never published, so the operator must give it: the legacy login
     * is refused from the start of {@code firstDayRefused} in Brussels.
     */
    public static Transition ncts(ProviderId socialSecurity, ProviderId fas, LocalDate firstDayRefused) {
        return ncts(Timeline.standard(), socialSecurity, fas, firstDayRefused);
    }

    /**
     * The NCTS preset with the cutover of {@code timeline} (its {@code bosa} cutover of NCTS), for an
     * operator's timeline file.
     *
     * @throws ConfigurationException when the timeline has no such cutover
     */
    public static Transition ncts(Timeline timeline, ProviderId socialSecurity, ProviderId fas, LocalDate firstDayRefused) {
        Objects.requireNonNull(timeline, "timeline");
        Objects.requireNonNull(firstDayRefused, "firstDayRefused");
        return new Transition(socialSecurity, fas, timeline.cutover("NCTS", "bosa"),
                firstDayRefused.atStartOfDay(BRUSSELS).toInstant());
    }

    /**
     * NCTS phase 5, a cutover without grace: from {@code ncts4} (the provider in front of NCTS 4) to
     * {@code ncts5} at the {@code phase5} cutover of NCTS in {@code timeline} (NCTS 4 switched off on
     * 21/01/2025 01:00 CET).
     */
    public static Transition nctsPhase5(Timeline timeline, ProviderId ncts4, ProviderId ncts5) {
        Objects.requireNonNull(timeline, "timeline");
        Instant cutover = timeline.cutover("NCTS", "phase5");
        return new Transition(ncts4, ncts5, cutover, cutover);
    }

    /** The phase at {@code now}. */
    public TransitionPhase phaseAt(Instant now) {
        Objects.requireNonNull(now, "now");
        if (now.isBefore(cutover)) {
            return TransitionPhase.BEFORE_CUTOVER;
        }
        if (now.isBefore(graceEnd)) {
            return TransitionPhase.GRACE;
        }
        return TransitionPhase.AFTER_GRACE;
    }

    /** The last day, in Brussels, on which the legacy provider still works. */
    public LocalDate lastLegacyDay() {
        return graceEnd.minusNanos(1).atZone(BRUSSELS).toLocalDate();
    }
}
