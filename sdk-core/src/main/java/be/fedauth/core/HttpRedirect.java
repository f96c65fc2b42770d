package be.fedauth.core;

import be.fedauth.core.internal.html.Html;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where to send the browser: a plain redirect (HTTP 302 to {@link #location()}) or an auto-submitting
 * form that POSTs {@link #formFields()} to it (SAML HTTP-POST binding).
 *
 * @param binding how the browser is sent
 * @param location the URL
 * @param formFields the fields to post; empty for a redirect
 */
public record HttpRedirect(Binding binding, URI location, Map<String, String> formFields) {

    /** How the browser is sent on. */
    public enum Binding {
        /** HTTP 302 to the location, parameters in its query. */
        REDIRECT,
        /** An HTML form posted to the location. */
        POST
    }

    /** Validates and copies, keeping the order of the fields. */
    public HttpRedirect {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(location, "location");
        formFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formFields));
        if (binding == Binding.REDIRECT && !formFields.isEmpty()) {
            throw new IllegalArgumentException("a redirect has no form fields");
        }
    }

    /** A plain redirect. */
    public static HttpRedirect redirect(URI location) {
        return new HttpRedirect(Binding.REDIRECT, location, Map.of());
    }

    /** An auto-submitting form. */
    public static HttpRedirect post(URI location, Map<String, String> fields) {
        return new HttpRedirect(Binding.POST, location, fields);
    }

    /**
     * An HTML page that posts the form on load, with a button for browsers without JavaScript. Every
     * value is HTML-escaped.
     */
    public String autoSubmitHtml() {
        StringBuilder html = new StringBuilder(512 + formFields.values().stream().mapToInt(String::length).sum());
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Login</title></head>")
                .append("<body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
                .append(Html.escape(location.toString())).append("\">");
        formFields.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(Html.escape(name))
                .append("\" value=\"").append(Html.escape(value)).append("\">"));
        html.append("<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>");
        return html.toString();
    }

    /** Field values are not shown: they may hold signed requests. */
    @Override
    public String toString() {
        return "HttpRedirect[" + binding + " " + location.getScheme() + "://" + location.getAuthority()
                + location.getPath() + ", fields=" + formFields.keySet() + "]";
    }
}
