/** fedauth for Jakarta Servlet 6: a filter and endpoints that drive any authentication provider. */
module be.fedauth.servlet {
    requires transitive be.fedauth.core;
    requires transitive jakarta.servlet;

    exports be.fedauth.servlet;
    exports be.fedauth.servlet.spi;
}
