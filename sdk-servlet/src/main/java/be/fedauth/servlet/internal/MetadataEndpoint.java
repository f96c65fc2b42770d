package be.fedauth.servlet.internal;

import be.fedauth.core.AuthenticationProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /saml/metadata[?provider=<id>]}: the service-provider metadata of a configured provider
 * that has one ({@link AuthenticationProvider#serviceProviderMetadata()}: a SAML provider's signed SP
 * metadata), so that an identity provider imports this application in one step. Without
 * {@code provider}, the first configured provider that has metadata (the general ones first, in the
 * order added). {@code 404} when no configured provider of that id has metadata; {@code 405} for a
 * method other than GET or HEAD.
 */
public final class MetadataEndpoint {
    /** The media type of SAML metadata (SAML Metadata 2.0, Appendix A; IANA). */
    public static final String MEDIA_TYPE = "application/samlmetadata+xml";
    private static final Pattern PROVIDER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final Config config;

    /** An endpoint with this configuration. */
    public MetadataEndpoint(Config config) {
        this.config = config;
    }

    /** Handles one request to the metadata path. */
    public void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            Requests.methodNotAllowed(response, "GET, HEAD");
            return;
        }
        Optional<String> wanted;
        try {
            wanted = Requests.single(request, "provider");
        } catch (RuntimeException e) {
            text(response, HttpServletResponse.SC_BAD_REQUEST, "the provider parameter is repeated or unreadable");
            return;
        }
        Optional<String> metadata = Optional.empty();
        for (AuthenticationProvider provider : config.routes().all()) {
            if (wanted.isEmpty() || wanted.get().equals(provider.id().value())) {
                metadata = provider.serviceProviderMetadata();
                if (metadata.isPresent() || wanted.isPresent()) {
                    break;
                }
            }
        }
        if (metadata.isEmpty()) {
            // Echo the id only when it has the form of one: nothing the client sent is reflected otherwise.
            String which = wanted.filter(w -> PROVIDER_ID.matcher(w).matches()).map(w -> " " + w).orElse("");
            text(response, HttpServletResponse.SC_NOT_FOUND, "no configured provider" + which
                    + " has service-provider metadata");
            return;
        }
        byte[] body = metadata.get().getBytes(StandardCharsets.UTF_8);
        Responses.noStore(response);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        if ("GET".equals(method)) {
            response.getOutputStream().write(body);
        }
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        Responses.noStore(response);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
