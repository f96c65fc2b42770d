package be.fedauth.saml;

/** The names of the values this module keeps in a {@link be.fedauth.core.SessionReference} for logout. */
public final class SamlSessionValues {
    /** The NameID value. */
    public static final String NAME_ID = "nameId";
    /** The NameID Format. */
    public static final String NAME_ID_FORMAT = "nameIdFormat";
    /** The NameID NameQualifier. */
    public static final String NAME_QUALIFIER = "nameQualifier";
    /** The NameID SPNameQualifier. */
    public static final String SP_NAME_QUALIFIER = "spNameQualifier";
    /** The AuthnStatement SessionIndex. */
    public static final String SESSION_INDEX = "sessionIndex";

    private SamlSessionValues() {
    }
}
