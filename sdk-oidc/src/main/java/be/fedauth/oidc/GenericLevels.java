package be.fedauth.oidc;

import be.fedauth.core.AssuranceLevel;
import be.fedauth.core.spi.LevelVocabulary;

/**
 * The level vocabulary of the generic profile ({@link OidcSettings#generic}) for any OpenID provider: the
 * eIDAS levels of assurance as {@code acr} values, read but never requested, and what the operator adds.
 *
 * <table>
 *   <caption>Built in</caption>
 *   <tr><th>acr / amr value</th><th>level</th></tr>
 *   <tr><td>{@code http://eidas.europa.eu/LoA/low}</td><td>200</td></tr>
 *   <tr><td>{@code http://eidas.europa.eu/LoA/substantial}</td><td>400</td></tr>
 *   <tr><td>{@code http://eidas.europa.eu/LoA/high}</td><td>500</td></tr>
 * </table>
 *
 * <p>Requests carry only the values an operator maps ({@link LevelVocabulary.Builder#mapping}); with none,
 * a login asks for no level in particular and the level reported is checked on return. A response with
 * no {@code acr} and no {@code amr} is refused ({@code unknown_level}) unless a default level is set.
 */
public final class GenericLevels {
    /** The eIDAS levels of assurance (eIDAS implementing regulation 2015/1502; the URIs of the eIDAS SAML profile). */
    private static final String EIDAS = "http://eidas.europa.eu/LoA/";

    /** The built-in table alone, without default level. */
    public static final LevelVocabulary VOCABULARY = builder().build();

    private GenericLevels() {
    }

    /** A builder holding the built-in table, for an operator's additions. Each call gives a new builder. */
    public static LevelVocabulary.Builder builder() {
        return LevelVocabulary.builder()
                .alias(EIDAS + "low", AssuranceLevel.LEVEL_200)
                .alias(EIDAS + "substantial", AssuranceLevel.LEVEL_400)
                .alias(EIDAS + "high", AssuranceLevel.LEVEL_500);
    }
}
