package be.fedauth.core;

import java.net.URI;
import java.util.Optional;

/**
 * Whom a user calls or writes to.
 *
 * @param phone the customs helpdesk phone number, as written in Belgium
 * @param internationalPhone the same number from abroad
 * @param hours when the phone is answered, in the user's language
 * @param mailbox the e-service's helpdesk mailbox, when the e-service is known
 * @param helpPage a page that answers the question, when there is one (role management, mandates)
 */
public record Helpdesk(String phone, String internationalPhone, String hours, Optional<String> mailbox,
                       Optional<URI> helpPage) {
    /** The customs helpdesk phone number ({@link Timeline#standard()}, helpdesk CUSTOMS). */
    public static final String PHONE = Timeline.standard().helpdesk("CUSTOMS", "phone")
            .orElseThrow(() -> new ConfigurationException("the shipped timeline has no customs helpdesk phone"));
    /** The customs helpdesk phone number from abroad. */
    public static final String INTERNATIONAL_PHONE = Timeline.standard().helpdesk("CUSTOMS", "international")
            .orElseThrow(() -> new ConfigurationException("the shipped timeline has no international helpdesk phone"));
    /**
     * The mailbox where foreigners requested a token, until the token's retirement on 31/01/2024
     * ({@link Timeline#standard()}, foreigner route TOKEN).
     */
    public static final String FOREIGNER_TOKEN_MAILBOX = Timeline.standard().entries(TimelineEntry.Kind.FOREIGNER_ROUTE)
            .stream().filter(e -> e.subject().equals("TOKEN")).findFirst().flatMap(e -> e.attribute("mailbox"))
            .orElseThrow(() -> new ConfigurationException("the shipped timeline has no token mailbox for foreigners"));
}
