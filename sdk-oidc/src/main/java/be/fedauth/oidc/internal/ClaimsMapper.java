package be.fedauth.oidc.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.Identity;
import be.fedauth.core.Language;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.ReleasedClaims;
import be.fedauth.core.RoleGrant;
import be.fedauth.core.spi.AchievedLevel;
import be.fedauth.core.spi.LevelVocabulary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns validated claims into the core model. FAS names first ({@code egovNRN}, {@code givenName} =
 * first name, {@code surname} = family name, {@code prefLanguage}, {@code mail}, {@code fedid}), then
 * the standard OIDC names ({@code given_name}, {@code family_name}, {@code locale}, {@code email}).
 * The level comes from {@code amr} (where FAS puts it) and {@code acr}, through the vocabulary.
 */
public final class ClaimsMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimsMapper.class);
    private static final Pattern FEDID = Pattern.compile("[0-9a-fA-F]{40}");
    // Never egovNRN or fedid: who the user is comes only from what the identity provider signed.
    private static final Set<String> PROFILE = Set.of("givenName", "given_name", "surname", "family_name",
            "prefLanguage", "locale", "mail", "email");

    private ClaimsMapper() {
    }

    /**
     * Of these claims, only the profile ones {@link #identity} reads (names, language, mail): what
     * unsigned userinfo may contribute. Never the national number ({@code egovNRN}) or federal id
     * ({@code fedid}), which only the ID token or a signed userinfo may set, nor {@code amr},
     * {@code acr}, {@code roles} or {@code mandates}.
     */
    public static Map<String, Object> profileClaims(Map<String, Object> claims) {
        Map<String, Object> out = new HashMap<>();
        claims.forEach((name, value) -> {
            if (PROFILE.contains(name) && value != null) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** The identity; userinfo values win over the ID token's. */
    public static Identity identity(Map<String, Object> claims, Language fallbackLanguage) {
        Optional<NationalRegisterNumber> nrn = string(claims, "egovNRN").map(s -> {
            try {
                return NationalRegisterNumber.parse(s);
            } catch (FedAuthException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the egovNRN claim is not a valid number", e);
            }
        });
        String given = string(claims, "givenName").or(() -> string(claims, "given_name"))
                .orElseThrow(() -> new AuthenticationException(ErrorCode.MISSING_CLAIM, "no givenName claim (scope profile?)"));
        String family = string(claims, "surname").or(() -> string(claims, "family_name"))
                .orElseThrow(() -> new AuthenticationException(ErrorCode.MISSING_CLAIM, "no surname claim (scope profile?)"));
        Language language = string(claims, "prefLanguage").or(() -> string(claims, "locale"))
                .flatMap(Language::fromCode).orElse(fallbackLanguage);
        Optional<String> mail = string(claims, "mail").or(() -> string(claims, "email"));
        Optional<String> fedid = string(claims, "fedid");
        if (fedid.isPresent() && !FEDID.matcher(fedid.get()).matches()) {
            throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the fedid claim is not 40 hex characters");
        }
        return new Identity(nrn, fedid, given, family, language, mail);
    }

    /**
     * The level achieved, from {@code amr} and {@code acr}.
     *
     * @throws AuthenticationException {@code unknown_level} when no value is recognised
     */
    public static AchievedLevel level(Map<String, Object> claims, LevelVocabulary vocabulary) {
        List<String> values = new ArrayList<>(strings(claims, "amr"));
        string(claims, "acr").ifPresent(values::add);
        return vocabulary.interpret(values);
    }

    /** Released roles; values not in the {@link ReleasedClaims} form are skipped (fewer rights, never more). */
    public static List<RoleGrant> roles(Map<String, Object> claims) {
        return released(claims, "roles", ReleasedClaims::parseRole);
    }

    /** Released mandates, read like roles. */
    public static List<Mandate> mandates(Map<String, Object> claims) {
        return released(claims, "mandates", ReleasedClaims::parseMandate);
    }

    private static <T> List<T> released(Map<String, Object> claims, String name, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        int skipped = 0;
        for (String value : strings(claims, name)) {
            try {
                out.add(parser.apply(value));
            } catch (FedAuthException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            LOG.warn("{} value(s) of the {} claim are not in the released-claims form and were ignored", skipped, name);
        }
        return out;
    }

    static Optional<String> string(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        return v instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    static List<String> strings(Map<String, Object> claims, String name) {
        Object v = claims.get(name);
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        } else if (v instanceof Object[] array) {
            for (Object o : array) {
                if (o instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
