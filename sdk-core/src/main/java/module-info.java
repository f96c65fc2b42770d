/** fedauth core: the API and domain, with no protocol. */
module be.fedauth.core {
    requires transitive org.slf4j;

    exports be.fedauth.core;
    exports be.fedauth.core.spi;
}
