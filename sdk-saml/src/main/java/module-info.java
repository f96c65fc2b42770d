/** fedauth SAML: log in with BOSA FAS (and the social-security login) over SAML 2.0, on OpenSAML. */
module be.fedauth.saml {
    requires transitive be.fedauth.core;
    requires java.xml;
    requires org.opensaml.core;
    requires org.opensaml.saml;
    requires org.opensaml.saml.impl;
    requires org.opensaml.xmlsec;
    requires org.opensaml.xmlsec.impl;
    requires org.opensaml.security;
    requires net.shibboleth.utilities.java.support;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.slf4j;

    exports be.fedauth.saml;
}
