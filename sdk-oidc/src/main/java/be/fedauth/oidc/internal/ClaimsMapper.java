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
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.IdentityNames.Field;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.oidc.OidcClaimNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns validated claims into the core model, by the configured claim names (each field's candidates in
 * order, the first present counts; {@link OidcClaimNames#FAS} by default: FAS names first ({@code egovNRN},
 * {@code givenName} = first name, {@code surname} = family name, {@code prefLanguage}, {@code mail}), then
 * the standard OIDC names). The federal id is {@code fedid}. The level comes from {@code amr} (where FAS
 * puts it) and {@code acr}, through the vocabulary.
 */
public final class ClaimsMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimsMapper.class);
    private static final Pattern FEDID = Pattern.compile("[0-9a-fA-F]{40}");
    /** The fields unsigned userinfo may set: never the national number (nor fedid, level, roles, mandates). */
    private static final List<Field> PROFILE = List.of(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL, Field.LANGUAGE);

    private ClaimsMapper() {
    }

    /**
     * Of these claims, only the profile ones {@link #identity} reads (names, language, mail): what
     * unsigned userinfo may contribute. Never the national number ({@code egovNRN}) or federal id
     * ({@code fedid}), which only the ID token or a signed userinfo may set, nor {@code amr},
     * {@code acr}, {@code roles} or {@code mandates}. With the FAS claim names.
     */
    public static Map<String, Object> profileClaims(Map<String, Object> claims) {
        return profileClaims(claims, OidcClaimNames.FAS);
    }

    /**
     * Of these claims, only those named for a profile field (given name, family name, e-mail, language):
     * what unsigned userinfo may contribute. Never a national-number name (the settings refuse a name that
     * is both), {@code fedid}, {@code amr}, {@code acr}, {@code roles} or {@code mandates}.
     */
    public static Map<String, Object> profileClaims(Map<String, Object> claims, IdentityNames names) {
        Set<String> profile = new HashSet<>();
        PROFILE.forEach(field -> profile.addAll(names.names(field)));
        profile.removeAll(names.names(Field.NATIONAL_NUMBER));
        Map<String, Object> out = new HashMap<>();
        claims.forEach((name, value) -> {
            if (profile.contains(name) && value != null) {
                out.put(name, value);
            }
        });
        return out;
    }

    /** The identity by the FAS claim names; userinfo values win over the ID token's. */
    public static Identity identity(Map<String, Object> claims, Language fallbackLanguage) {
        return identity(claims, fallbackLanguage, OidcClaimNames.FAS, false);
    }

    /**
     * The identity by these claim names; userinfo values win over the ID token's.
     *
     * @throws AuthenticationException {@code missing_claim} without a given or family name, or without a
     *     national number when it is required; {@code malformed_response} for a malformed national number
     *     or federal id
     */
    public static Identity identity(Map<String, Object> claims, Language fallbackLanguage, IdentityNames names,
                                    boolean requireNationalNumber) {
        Optional<NationalRegisterNumber> nrn = first(claims, names, Field.NATIONAL_NUMBER).map(s -> {
            try {
                return NationalRegisterNumber.parse(s);
            } catch (FedAuthException e) {
                throw new AuthenticationException(ErrorCode.MALFORMED_RESPONSE, "the national number claim ("
                        + names.names(Field.NATIONAL_NUMBER) + ") is not a valid number", e);
            }
        });
        if (nrn.isEmpty() && requireNationalNumber) {
            throw new AuthenticationException(ErrorCode.MISSING_CLAIM, "no national number claim "
                    + names.names(Field.NATIONAL_NUMBER) + " in the ID token or signed userinfo, and it is required");
        }
        String given = first(claims, names, Field.GIVEN_NAME).orElseThrow(() -> new AuthenticationException(
                ErrorCode.MISSING_CLAIM, "no given name claim " + names.names(Field.GIVEN_NAME) + " (scope profile?)"));
        String family = first(claims, names, Field.FAMILY_NAME).orElseThrow(() -> new AuthenticationException(
                ErrorCode.MISSING_CLAIM, "no family name claim " + names.names(Field.FAMILY_NAME) + " (scope profile?)"));
        Language language = first(claims, names, Field.LANGUAGE).flatMap(Language::fromCode).orElse(fallbackLanguage);
        Optional<String> mail = first(claims, names, Field.EMAIL);
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

    /** The first of a field's claims that is present. */
    private static Optional<String> first(Map<String, Object> claims, IdentityNames names, Field field) {
        for (String name : names.names(field)) {
            Optional<String> value = string(claims, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
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
