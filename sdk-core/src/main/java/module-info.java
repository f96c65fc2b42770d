/** fedauth core: the API and domain, with no protocol. */
module be.fedauth.core {
    requires transitive org.slf4j;
    requires java.net.http;

    exports be.fedauth.core;
    exports be.fedauth.core.spi;
    // The bounded HTTP exchange shared by the protocol modules: not API.
    exports be.fedauth.core.internal.http to be.fedauth.oidc, be.fedauth.saml;
    // The one HTML escaper, for the modules that render pages: not API.
    exports be.fedauth.core.internal.html to be.fedauth.servlet;
}
