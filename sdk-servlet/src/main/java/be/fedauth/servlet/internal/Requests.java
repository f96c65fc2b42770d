package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationException;
import be.fedauth.core.ErrorCode;
import be.fedauth.core.HttpRedirect;
import be.fedauth.core.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading requests and sending the browser on. */
public final class Requests {
    private static final int MAX_PARAMETER = 512;
    /** The most fields (query and form, counting each value) an endpoint reads: the common container default. */
    public static final int MAX_FIELDS = 1000;
    /** The longest value an endpoint reads: the providers' own limit. */
    public static final int MAX_VALUE = be.fedauth.core.CallbackRequest.MAX_PARAMETER_LENGTH;
    /** Where Tomcat records that it dropped parameters it could not parse (it throws nothing). */
    private static final String TOMCAT_PARSE_FAILED = "org.apache.tomcat.parameter_parse_failed";

    private Requests() {
    }

    /**
     * The path within the application, as the container decoded and normalised it (servlet path plus
     * path info), so that {@code /emcs/../x}, {@code /%65mcs} or {@code ;param} tricks match the same
     * way the container's own mapping does.
     */
    public static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + info;
        return path.isEmpty() ? "/" : path;
    }

    /**
     * The context path as the application is deployed, never as the client spelled it. Tomcat returns
     * {@code request.getContextPath()} undecoded and unnormalised from the request line, so a request
     * to {@code //evil.example/..;/portal/emcs} would give {@code //evil.example/..;/portal}, and a
     * Location built from it would lead to another host (Servlet 6.0 section 3.5 leaves the encoding
     * to the container). The servlet context's path is the deployed one.
     */
    public static String contextPath(HttpServletRequest request) {
        return request.getServletContext().getContextPath();
    }

    /**
     * The one value of a login parameter.
     *
     * @throws AuthenticationException {@code login_request_invalid} when repeated or too long
     */
    public static Optional<String> single(HttpServletRequest request, String name) {
        return single(request, name, MAX_PARAMETER);
    }

    /**
     * The one value of a parameter, at most {@code maxLength} long.
     *
     * @throws AuthenticationException {@code login_request_invalid} when repeated or too long
     */
    public static Optional<String> single(HttpServletRequest request, String name, int maxLength) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        if (values.length > 1 || values[0].length() > maxLength) {
            throw new AuthenticationException(ErrorCode.LOGIN_REQUEST_INVALID,
                    "parameter '" + name + "' is repeated or too long");
        }
        return values[0].isEmpty() ? Optional.empty() : Optional.of(values[0]);
    }

    /** The {@code lang} parameter, if it is a single short value; null also when the parameters cannot be read. */
    public static String langParameter(HttpServletRequest request) {
        String[] values;
        try {
            values = request.getParameterValues(Languages.PARAMETER);
        } catch (RuntimeException unreadable) {
            return null;
        }
        return values != null && values.length == 1 ? values[0] : null;
    }

    /**
     * Why the container cannot give this request's parameters whole, if it cannot: it failed to
     * parse them (Jetty throws {@code BadMessageException} or {@code IllegalStateException} for a
     * body over {@code maxFormContentSize}, more than {@code maxFormKeys} fields or a bad
     * percent-escape; Tomcat drops them and marks the request), or they exceed {@link #MAX_FIELDS}
     * fields or a value exceeds {@link #MAX_VALUE} characters. The reason names no value.
     */
    public static Optional<String> unreadableParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            return Optional.of("the container could not read the parameters (" + e.getClass().getSimpleName() + ")");
        }
        if (request.getAttribute(TOMCAT_PARSE_FAILED) != null) {
            return Optional.of("the container dropped parameters it could not read");
        }
        int fields = 0;
        for (String[] values : parameters.values()) {
            fields += values.length;
            for (String value : values) {
                if (value.length() > MAX_VALUE) {
                    return Optional.of("a parameter longer than " + MAX_VALUE + " characters");
                }
            }
        }
        if (fields > MAX_FIELDS) {
            return Optional.of("more than " + MAX_FIELDS + " fields (" + fields + ")");
        }
        return Optional.empty();
    }

    /** Sends the browser to an identity provider: a 302, or an auto-submitting form for the POST binding. */
    public static void send(HttpServletResponse response, HttpRedirect redirect, Pages pages, Language language)
            throws IOException {
        if (redirect.binding() == HttpRedirect.Binding.REDIRECT) {
            Responses.redirect(response, redirect.location().toASCIIString());
            return;
        }
        Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
        redirect.formFields().forEach((k, v) -> fields.put(k, List.of(v)));
        pages.autoPost(response, redirect.location().toASCIIString(), fields, language, false);
    }

    /** Answers 405 with the allowed methods. */
    public static void methodNotAllowed(HttpServletResponse response, String allow) {
        Responses.noStore(response);
        response.setHeader("Allow", allow);
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }
}
