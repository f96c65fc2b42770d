package be.fedauth.core;

import java.util.Locale;
import java.util.Optional;

/** The languages in which fedauth speaks to users: the three national languages and English. */
public enum Language {
    FR, NL, DE, EN;

    /** The ISO 639-1 code, lower case ("fr"). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a code such as "nl", "nl-BE" or "NL"; empty when it is none of the four. */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.length() < 2) {
            return Optional.empty();
        }
        String two = code.substring(0, 2).toUpperCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.name().equals(two)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
