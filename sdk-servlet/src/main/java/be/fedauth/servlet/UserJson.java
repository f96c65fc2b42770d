package be.fedauth.servlet;

import be.fedauth.core.AuthenticatedUser;
import be.fedauth.core.Identity;
import be.fedauth.core.Language;
import be.fedauth.core.Mandate;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.Notice;
import be.fedauth.core.RoleGrant;
import be.fedauth.servlet.internal.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link AuthenticatedUser} as JSON, in two forms: {@link #forUser} for the user themselves (an
 * {@code /api/me} answer over TLS), with the national register number; {@link #forLog} for logs and
 * support tickets, with no national register number, federal id, name or e-mail at all. Neither
 * form holds the session reference (tokens, SAML session index).
 *
 * <p>{@code forUser} fields: {@code nationalNumber} ("85.07.30-033.28" or null for a foreigner),
 * {@code foreigner}, {@code federalId}, {@code givenName}, {@code familyName}, {@code language},
 * {@code email}, then the fields of {@code forLog}: {@code key}, {@code level} (FAS number),
 * {@code eidasLevel}, {@code provider}, {@code authenticatedAt} (ISO-8601), {@code roles} (eService,
 * enterprise, roleName, state, validFrom, validUntil), {@code mandates} (giver, type, eServices,
 * validFrom, validUntil, signed; the holder is the user), {@code notices} (code, lastDay, message).
 */
public final class UserJson {
    private UserJson() {
    }

    /**
     * Everything about the user that the user may see, notices in {@code language}. Personal data:
     * send it to the user, never to a log.
     */
    public static String forUser(AuthenticatedUser user, Language language) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(language, "language");
        Identity id = user.identity();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nationalNumber", id.nationalNumber().map(NationalRegisterNumber::formatted));
        json.put("foreigner", id.isForeigner());
        json.put("federalId", id.federalId());
        json.put("givenName", id.givenName());
        json.put("familyName", id.familyName());
        json.put("language", id.language().code());
        json.put("email", id.email());
        json.putAll(common(user, language));
        return Json.write(json);
    }

    /** The login without personal data: safe to log. Notices in English. */
    public static String forLog(AuthenticatedUser user) {
        Objects.requireNonNull(user, "user");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("foreigner", user.identity().isForeigner());
        json.putAll(common(user, Language.EN));
        return Json.write(json);
    }

    private static Map<String, Object> common(AuthenticatedUser user, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", user.key().name());
        json.put("level", user.level().value());
        json.put("eidasLevel", user.level().eidas().name());
        json.put("provider", user.provider().value());
        json.put("authenticatedAt", user.authenticatedAt().toString());
        json.put("roles", user.roles().stream().map(UserJson::role).toList());
        json.put("mandates", user.mandates().stream().map(UserJson::mandate).toList());
        json.put("notices", user.notices().stream().map(n -> notice(n, language)).toList());
        return json;
    }

    private static Map<String, Object> role(RoleGrant role) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eService", role.eServiceId());
        json.put("enterprise", role.enterprise().digits());
        json.put("roleName", role.roleName());
        json.put("state", role.state().name());
        json.put("validFrom", role.validFrom().toString());
        json.put("validUntil", role.validUntil().map(Instant::toString));
        return json;
    }

    private static Map<String, Object> mandate(Mandate mandate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("giver", mandate.giver().digits());
        json.put("type", mandate.type());
        json.put("eServices", mandate.eServiceIds().stream().sorted().toList());
        json.put("validFrom", mandate.validFrom().toString());
        json.put("validUntil", mandate.validUntil().toString());
        json.put("signed", mandate.isSigned());
        return json;
    }

    private static Map<String, Object> notice(Notice notice, Language language) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", notice.code());
        json.put("lastDay", notice.lastDay().map(LocalDate::toString));
        json.put("message", notice.message(language));
        return json;
    }
}
