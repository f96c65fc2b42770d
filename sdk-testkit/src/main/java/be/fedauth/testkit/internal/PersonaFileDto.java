package be.fedauth.testkit.internal;

import java.util.List;
import java.util.Map;

/**
 * The JSON-B shapes of one entry of each section of a persona file. Fields are public for JSON-B;
 * a missing field stays null and {@link PersonaFileReader} reports it with its line.
 */
public final class PersonaFileDto {
    private PersonaFileDto() {
    }

    /** An entry of {@code people}. */
    public static final class PersonEntry {
        public String id;
        public String nationalNumber;
        public Boolean foreigner;
        public String givenName;
        public String familyName;
        public String language;
        public String email;
        public String fedid;
        public List<String> keys;
        public Boolean socialSecurityOnly;
    }

    /** An entry of {@code enterprises}. */
    public static final class EnterpriseEntry {
        public String number;
        public String name;
        public String localManager;
    }

    /** An entry of {@code roles}. */
    public static final class RoleEntry {
        public String person;
        public String enterprise;
        public String eService;
        public String role;
        public String state;
        public String validFrom;
        public String validUntil;
    }

    /** An entry of {@code mandates}. */
    public static final class MandateEntry {
        public String giver;
        public String holder;
        public String type;
        public List<String> eServices;
        public String validFrom;
        public String validUntil;
        public Boolean signedByGiver;
        public Boolean signedByHolder;
    }

    /** An entry of {@code oidcClients}. */
    public static final class OidcClientEntry {
        public String clientId;
        public String secret;
        public List<String> redirectUris;
        public Map<String, Object> jwks;
    }

    /** An entry of {@code samlServiceProviders}. */
    public static final class SamlServiceProviderEntry {
        public String entityId;
        public List<String> acsUrls;
        public String signingCertificate;
        public String encryptionCertificate;
        public String singleLogoutUrl;
    }
}
