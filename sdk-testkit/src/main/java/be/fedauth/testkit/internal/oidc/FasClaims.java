package be.fedauth.testkit.internal.oidc;

import be.fedauth.core.DigitalKey;
import be.fedauth.core.NationalRegisterNumber;
import be.fedauth.core.ReleasedClaims;
import be.fedauth.testkit.Person;
import be.fedauth.testkit.internal.FakeIdpContext;
import be.fedauth.testkit.internal.ReportedKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims FAS releases, by scope (fas-reference.md): {@code profile} gives {@code givenName} (first
 * name), {@code surname} (family name), {@code prefLanguage}, {@code mail} and {@code fedid};
 * {@code egovnrn} gives {@code egovNRN}; {@code certificateInfo} gives the {@code cert_*} claims of an
 * eID login; {@code roles} gives {@code roles} and {@code mandates} in the
 * {@link ReleasedClaims} form. The level is the URN of the key used, in {@code amr}; {@code acr} is "0".
 */
final class FasClaims {
    private FasClaims() {
    }

    /**
     * {@code urn:be:fedict:iam:fas:LevelNNN} for the key's level; for a key whose FAS value is not public
     * (MyGov.be) the unlisted level URN of {@link ReportedKeys}.
     */
    static String levelUrn(DigitalKey key) {
        return ReportedKeys.unlistedLevelUrn(key).orElse("urn:be:fedict:iam:fas:Level" + key.level().value());
    }

    /**
     * The {@code amr} values: the level URN, and for the eID and itsme the method word FAS puts beside it
     * ({@code eid}, {@code bmid}; fas-reference.md). Other keys are reported by their level only, which
     * a relying party reads as an unnamed key at that level.
     */
    static List<String> amr(String levelUrn, DigitalKey key) {
        return switch (key) {
            case EID -> List.of(levelUrn, "eid");
            case ITSME -> List.of(levelUrn, "bmid");
            default -> List.of(levelUrn);
        };
    }

    static Map<String, Object> byScope(FakeIdpContext context, Person person, DigitalKey key, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (scopes.contains("profile")) {
            claims.put("givenName", person.givenName());
            claims.put("surname", person.familyName());
            claims.put("prefLanguage", person.language().code());
            person.email().ifPresent(m -> claims.put("mail", m));
            claims.put("fedid", person.fedid());
        }
        if (scopes.contains("egovnrn")) {
            person.nationalNumber().map(NationalRegisterNumber::digits).ifPresent(n -> claims.put("egovNRN", n));
        }
        if (scopes.contains("certificateInfo") && key == DigitalKey.EID) {
            // The eID authentication certificate's fields (fas-reference.md); test values, not a real certificate.
            String cn = person.givenName() + " " + person.familyName() + " (Authentication)";
            claims.put("cert_issuer", "CN=Citizen CA, OU=fedauth testkit, C=BE");
            claims.put("cert_subject", "CN=" + cn + ", SN=" + person.familyName() + ", GIVENNAME=" + person.givenName()
                    + ", C=BE");
            claims.put("cert_serialnumber", person.fedid().substring(0, 16));
            claims.put("cert_cn", cn);
            claims.put("cert_givenname", person.givenName());
            claims.put("cert_sn", person.familyName());
            person.email().ifPresent(m -> claims.put("cert_mail", m));
        }
        if (scopes.contains("roles")) {
            claims.put("roles", context.releasedRoles(person).stream().map(ReleasedClaims::formatRole).toList());
            List<String> mandates = context.releasedMandates(person).stream().map(ReleasedClaims::formatMandate).toList();
            if (!mandates.isEmpty()) {
                claims.put("mandates", mandates);
            }
        }
        return claims;
    }
}
