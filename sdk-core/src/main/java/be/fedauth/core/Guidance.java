package be.fedauth.core;

import be.fedauth.core.internal.GuidanceTexts;
import java.net.URI;
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

    /** Guidance with the general customs helpdesk (no e-service mailbox). */
    public static Guidance of(ErrorCode code, Language language) {
        return build(code, language, Optional.empty());
    }

    /** Guidance with the helpdesk mailbox of the e-service the user was trying to reach. */
    public static Guidance of(ErrorCode code, Language language, EService eService) {
        return build(code, language, Optional.of(Objects.requireNonNull(eService, "eService")));
    }

    private static Guidance build(ErrorCode code, Language language, Optional<EService> eService) {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
        Optional<URI> page = GuidanceTexts.helpPage(code.advice(), language);
        Helpdesk helpdesk = new Helpdesk(Helpdesk.PHONE, Helpdesk.INTERNATIONAL_PHONE,
                GuidanceTexts.hours(language), eService.map(EService::helpdeskMailbox), page);
        return new Guidance(code, language, GuidanceTexts.message(code.advice(), language), helpdesk);
    }

    /** The message followed by how to reach the helpdesk, as one paragraph for a page or an e-mail. */
    public String fullText() {
        StringBuilder text = new StringBuilder(message);
        text.append(' ').append(GuidanceTexts.contactLine(language, helpdesk));
        return text.toString();
    }
}
