package be.fedauth.demo;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.ProviderId;
import be.fedauth.core.spi.IdentityNames;
import be.fedauth.core.spi.LevelVocabulary;
import be.fedauth.oidc.ClientAuthentication;
import be.fedauth.oidc.FasLevels;
import be.fedauth.oidc.GenericLevels;
import be.fedauth.oidc.OidcClaimNames;
import be.fedauth.oidc.OidcSettings;
import be.fedauth.saml.SamlProfile;
import be.fedauth.saml.SamlSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The demo's options for other identity providers (issue 13): per protocol the profile (fas or generic),
 * the operator's levels, default level, names, scopes, whether the national number is required, the
 * provider id, and the SAML security opt-ins. They apply to the portal's "oidc" and "saml" providers, at
 * the fake FAS or at the identity providers named by {@code --oidc-issuer} / {@code --saml-idp-metadata}.
 * Every value is checked when read: an error names the option.
 */
record ProfileOptions(boolean oidcGeneric, String oidcLevels, Optional<AssuranceLevel> oidcDefaultLevel,
                      Optional<List<String>> oidcScopes, IdentityNames oidcClaims, boolean oidcRequireNationalNumber,
                      Optional<ProviderId> oidcProviderId,
                      boolean samlGeneric, String samlLevels, Optional<AssuranceLevel> samlDefaultLevel,
                      IdentityNames samlAttributes, boolean samlRequireNationalNumber, Optional<ProviderId> samlProviderId,
                      boolean samlIdpMetadataUnsigned, boolean samlRequireEncryptedAssertions,
                      boolean samlResponseSignatureOnly) {

    private static final String MAPPING_HELP = " (MAPPING: VALUE=LEVEL or VALUE=LEVEL:KEY, comma-separated,"
            + " split at the last '='; LEVEL 100 200 300 350 400 450 500, KEY a DigitalKey such as EID)";
    private static final String NAMES_HELP = " (NAMES: FIELD=NAME, comma-separated; FIELD given-name, family-name,"
            + " email, language or national-number; a field named replaces the profile's names, twice gives two"
            + " candidates)";

    static final List<DemoOptions.Option> OPTIONS = List.of(
            new DemoOptions.Option("--oidc-profile", "fas|generic", "the OpenID provider's profile (default fas)."
                    + " generic: standard claims (given_name, family_name, email, locale), scopes 'openid profile"
                    + " email', national number not required, levels only from --oidc-levels (plus the eIDAS LoA"
                    + " URIs, read) and --oidc-default-level"),
            new DemoOptions.Option("--oidc-levels", "MAPPING", "acr/amr values and what they mean, added to the"
                    + " profile's and requested" + MAPPING_HELP),
            new DemoOptions.Option("--oidc-default-level", "LEVEL", "the level of a login whose ID token states none"
                    + " (default: such a login is refused, unknown_level)"),
            new DemoOptions.Option("--oidc-scopes", "\"openid profile\"", "the scopes to request, space-separated"
                    + " (default: the profile's)"),
            new DemoOptions.Option("--oidc-claims", "NAMES", "claim names" + NAMES_HELP),
            new DemoOptions.Option("--oidc-require-national-number", null, "refuse a login without a national number"
                    + " (missing_claim)"),
            new DemoOptions.Option("--oidc-provider-id", "ID", "the provider id shown to the application (default"
                    + " fas-oidc, or oidc with the generic profile)"),
            new DemoOptions.Option("--saml-profile", "fas|generic", "the SAML identity provider's profile (default"
                    + " fas). generic: the SAML 2.0 standard classes (PasswordProtectedTransport = 200, ...),"
                    + " unspecified read as 'no level stated', common attribute names (urn:oid names, plain names,"
                    + " FriendlyName), national number not required"),
            new DemoOptions.Option("--saml-levels", "MAPPING", "AuthnContextClassRef values and what they mean, added"
                    + " to the profile's and requested" + MAPPING_HELP),
            new DemoOptions.Option("--saml-default-level", "LEVEL", "the level of an assertion that states none (or"
                    + " 'unspecified'; default: refused, unknown_level)"),
            new DemoOptions.Option("--saml-attributes", "NAMES", "attribute names" + NAMES_HELP),
            new DemoOptions.Option("--saml-require-national-number", null, "refuse an assertion without a national"
                    + " number (missing_claim)"),
            new DemoOptions.Option("--saml-provider-id", "ID", "the provider id shown to the application (default"
                    + " fas-saml, or saml with the generic profile)"),
            new DemoOptions.Option("--saml-idp-metadata-unsigned", null, "accept the IdP metadata URL without a signing"
                    + " certificate (https, or http on loopback only; logged at WARN)"),
            new DemoOptions.Option("--saml-require-encrypted-assertions", null, "refuse plain assertions"),
            new DemoOptions.Option("--saml-response-signature-only", null, "accept an assertion covered only by the"
                    + " signed Response (only together with an encrypted assertion)"));

    /**
     * Reads the options from the values given (flag to value; {@code "true"} for a flag without value).
     *
     * @throws IllegalArgumentException naming the option whose value is wrong
     */
    static ProfileOptions parse(Map<String, String> values) {
        boolean oidcGeneric = profile(values, "--oidc-profile");
        boolean samlGeneric = profile(values, "--saml-profile");
        ProfileOptions options = new ProfileOptions(oidcGeneric, values.getOrDefault("--oidc-levels", ""),
                get(values, "--oidc-default-level", ProfileOptions::level), get(values, "--oidc-scopes", ProfileOptions::scopes),
                get(values, "--oidc-claims", IdentityNames::parse).orElse(IdentityNames.NONE),
                values.containsKey("--oidc-require-national-number"), get(values, "--oidc-provider-id", ProviderId::of),
                samlGeneric, values.getOrDefault("--saml-levels", ""), get(values, "--saml-default-level", ProfileOptions::level),
                get(values, "--saml-attributes", IdentityNames::parse).orElse(IdentityNames.NONE),
                values.containsKey("--saml-require-national-number"), get(values, "--saml-provider-id", ProviderId::of),
                values.containsKey("--saml-idp-metadata-unsigned"), values.containsKey("--saml-require-encrypted-assertions"),
                values.containsKey("--saml-response-signature-only"));
        // Built once now so that a wrong mapping stops the demo at start, naming its option.
        check("--oidc-levels", () -> options.oidcVocabulary());
        check("--saml-levels", () -> options.samlProfile());
        return options;
    }

    /** The OIDC provider's id. */
    ProviderId oidcId() {
        return oidcProviderId.orElse(ProviderId.of(oidcGeneric ? "oidc" : "fas-oidc"));
    }

    /** The SAML provider's id. */
    ProviderId samlId() {
        return samlProviderId.orElse(ProviderId.of(samlGeneric ? "saml" : "fas-saml"));
    }

    /** The OIDC settings for an issuer, by profile, with every option applied. */
    OidcSettings.Builder oidc(URI issuer, String clientId, URI redirect, ClientAuthentication authentication) {
        OidcSettings.Builder b = oidcGeneric ? OidcSettings.generic(issuer, clientId, redirect, authentication)
                : OidcSettings.builder(issuer, clientId, redirect, authentication);
        // The generic profile offers the keys its vocabulary names (OidcSettings.generic), FAS its own.
        b.providerId(oidcId()).vocabulary(oidcVocabulary());
        oidcScopes.ifPresent(b::scopes);
        b.claimNames((oidcGeneric ? OidcClaimNames.STANDARD : OidcClaimNames.FAS).overriddenBy(oidcClaims));
        if (oidcRequireNationalNumber) {
            b.requireNationalNumber();
        }
        return b;
    }

    /** The OIDC level vocabulary: the profile's, the operator's levels, the default level. */
    LevelVocabulary oidcVocabulary() {
        LevelVocabulary.Builder b = (oidcGeneric ? GenericLevels.builder() : FasLevels.builder()).mapping(oidcLevels);
        oidcDefaultLevel.ifPresent(b::defaultLevel);
        return b.build();
    }

    /** The SAML profile: the preset, the operator's levels, default level, names, national number. */
    SamlProfile samlProfile() {
        SamlProfile.Builder b = (samlGeneric ? SamlProfile.genericBuilder() : SamlProfile.fasBuilder())
                .levels(samlLevels).attributes(samlAttributes);
        samlDefaultLevel.ifPresent(b::defaultLevel);
        if (samlRequireNationalNumber) {
            b.requireNationalNumber();
        }
        return b.build();
    }

    /** The SAML opt-ins applied to settings. */
    SamlSettings.Builder saml(SamlSettings.Builder b) {
        if (samlRequireEncryptedAssertions) {
            b.requireEncryptedAssertions();
        }
        if (samlResponseSignatureOnly) {
            b.acceptResponseSignatureOnly();
        }
        return b.profile(samlProfile());
    }

    private static boolean profile(Map<String, String> values, String flag) {
        String value = values.getOrDefault(flag, "fas");
        if (!value.equals("fas") && !value.equals("generic")) {
            throw new IllegalArgumentException(flag + ": '" + value + "' is neither fas nor generic");
        }
        return value.equals("generic");
    }

    private static AssuranceLevel level(String value) {
        return AssuranceLevel.ofValue(Integer.parseInt(value.strip()));
    }

    private static List<String> scopes(String value) {
        List<String> scopes = Arrays.stream(value.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (scopes.isEmpty() || scopes.stream().anyMatch(s -> s.contains("\"") || s.contains("\\"))) {
            throw new IllegalArgumentException("not a space-separated list of scopes");
        }
        return scopes;
    }

    private static void check(String flag, Runnable build) {
        try {
            build.run();
        } catch (FedAuthException e) {
            throw new IllegalArgumentException(flag + ": " + e.getMessage(), e);
        }
    }

    /** The option's value read by {@code parse}; an error names the option. */
    static <T> Optional<T> get(Map<String, String> values, String flag, Function<String, T> parse) {
        String value = values.get(flag);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(value));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(flag + ": " + (e instanceof FedAuthException ? e.getMessage()
                    : "cannot read '" + value + "'"), e);
        }
    }
}
