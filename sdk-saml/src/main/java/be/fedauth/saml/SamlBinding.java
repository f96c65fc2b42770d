package be.fedauth.saml;

/** How the browser carries the AuthnRequest to the identity provider (SAML Bindings 3.4 and 3.5). */
public enum SamlBinding {
    /** HTTP-Redirect: deflated request in the query, signed with {@code SigAlg} and {@code Signature}. FAS's binding. */
    REDIRECT,
    /** HTTP-POST: an auto-submitting form carrying the request with an enveloped XML signature. */
    POST
}
