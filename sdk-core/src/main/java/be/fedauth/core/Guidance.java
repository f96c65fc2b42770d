package be.fedauth.core;

import be.fedauth.core.internal.GuidanceTexts;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to tell a user about an {@link ErrorCode}, in their language, and whom they can contact.
 *
 * @param code the reason
 * @param language the language of {@link #message()} and of the helpdesk hours
 * @param message what happened and what to do, for the user
 * @param helpdesk whom to contact
 */
public record Guidance(ErrorCode code, Language language, String message, Helpdesk helpdesk) {

    /** Validates. */
    public Guidance {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(helpdesk, "helpdesk");
    }

    /**
     * Guidance with the general customs helpdesk (no e-service mailbox), as things stand at the end of
     * {@link Timeline#standard()} (today's facts: a foreigner is pointed to eIDAS, ForReg and video
     * identification, not to the retired token).
     */
    public static Guidance of(ErrorCode code, Language language) {
        return build(code, language, Optional.empty(), Optional.empty());
    }

    /** Guidance with the helpdesk mailbox of the e-service the user was trying to reach (today's facts). */
    public static Guidance of(ErrorCode code, Language language, EService eService) {
        return build(code, language, Optional.of(Objects.requireNonNull(eService, "eService")), Optional.empty());
    }

    /**
     * Guidance as it was true at {@code at} in {@link Timeline#standard()}: before 31/01/2024 a foreigner
     * refused ({@code foreigner_token_only}) is told to request a token, from then on about eIDAS,
     * ForReg and video identification.
     */
    public static Guidance at(ErrorCode code, Language language, Instant at) {
        return build(code, language, Optional.empty(), Optional.of(Objects.requireNonNull(at, "at")));
    }

    /** {@link #at(ErrorCode, Language, Instant)} with the e-service's mailbox at that instant. */
    public static Guidance at(ErrorCode code, Language language, EService eService, Instant at) {
        return build(code, language, Optional.of(Objects.requireNonNull(eService, "eService")),
                Optional.of(Objects.requireNonNull(at, "at")));
    }

    private static Guidance build(ErrorCode code, Language language, Optional<EService> eService, Optional<Instant> at) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
        Timeline timeline = Timeline.standard();
        Advice advice = code.advice();
        if (advice == Advice.FOREIGNER_TOKEN && !timeline.foreignerRoutes(at.orElse(Instant.MAX)).contains("TOKEN")) {
            advice = Advice.FOREIGNER_ROUTES;
        }
        Optional<URI> page = GuidanceTexts.helpPage(advice, language);
        Optional<String> mailbox = eService.map(s -> at.flatMap(t -> timeline.helpdesk(s.id(), "mailbox", t))
                .orElse(s.helpdeskMailbox()));
        Helpdesk helpdesk = new Helpdesk(Helpdesk.PHONE, Helpdesk.INTERNATIONAL_PHONE,
                GuidanceTexts.hours(language), mailbox, page);
        return new Guidance(code, language, GuidanceTexts.message(advice, language), helpdesk);
    }

    /** The message followed by how to reach the helpdesk, as one paragraph for a page or an e-mail. */
    public String fullText() {
        StringBuilder text = new StringBuilder(message);
        text.append(' ').append(GuidanceTexts.contactLine(language, helpdesk));
        return text.toString();
    }
}
