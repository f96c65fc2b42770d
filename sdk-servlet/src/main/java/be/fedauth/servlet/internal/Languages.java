package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.Language;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the language to speak to a user in: the {@code lang} parameter, else the browser's
 * {@code Accept-Language} (RFC 9110 section 12.5.4, by weight), else the language the identity
 * provider gave for the user, else the default.
 */
public final class Languages {
    /** The request parameter that forces a language ("fr", "nl", "de", "en"). */
    public static final String PARAMETER = "lang";
    private static final int MAX_HEADER = 256;

    private Languages() {
    }

    /** The language for this request. */
    public static Language choose(String parameter, String acceptLanguage, Optional<AuthenticatedUser> user,
                                  Language fallback) {
        if (parameter != null && parameter.length() == 2) {
            Optional<Language> forced = Language.fromCode(parameter);
            if (forced.isPresent()) {
                return forced.get();
            }
        }
        Optional<Language> accepted = fromAcceptLanguage(acceptLanguage);
        if (accepted.isPresent()) {
            return accepted.get();
        }
        return user.map(u -> u.identity().language()).orElse(fallback);
    }

    /** The first of the four languages the header accepts, by weight; empty when none or unreadable. */
    public static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) {
                continue;
            }
            String tag = range.getRange();
            if (tag.length() == 2 || (tag.length() > 2 && tag.charAt(2) == '-')) {
                Optional<Language> language = Language.fromCode(tag);
                if (language.isPresent()) {
                    return language;
                }
            }
        }
        return Optional.empty();
    }
}
