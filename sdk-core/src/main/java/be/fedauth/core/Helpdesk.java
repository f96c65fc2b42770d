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
    /** The customs helpdesk phone number. */
    public static final String PHONE = "02 579 33 33";
    /** The customs helpdesk phone number from abroad. */
    public static final String INTERNATIONAL_PHONE = "+32 2 579 33 33";
    /** The mailbox where foreigners request a token. */
    public static final String FOREIGNER_TOKEN_MAILBOX = "iam.da@minfin.fed.be";
}
