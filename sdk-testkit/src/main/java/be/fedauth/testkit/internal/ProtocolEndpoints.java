package be.fedauth.testkit.internal;

/**
 * The endpoints of one protocol of the fake IdP. The shell receives every request through WireMock
 * (so faults, recording and the admin API apply) and hands it to the first registered endpoints
 * object whose {@link #handles(FakeRequest)} is true; a request nobody handles gets a 404.
 *
 * <p><b>Registering.</b> The shell loads, in this order, its own {@code TestkitEndpoints} (login page,
 * admin API) then the classes named in {@link EndpointRegistry#PROTOCOL_CLASSES}
 * ({@code be.fedauth.testkit.internal.oidc.OidcEndpoints}, {@code be.fedauth.testkit.internal.saml.SamlEndpoints})
 * by name, skipping a class that does not exist yet. Such a class must be public with a public
 * constructor taking a {@link FakeIdpContext} (preferred) or no argument. One instance is made per
 * started server; {@link #handle} runs on many threads at once, so keep state in the context or in
 * thread-safe fields. The constructor runs while WireMock starts and the persona file is read (start
 * time): do the slow one-time work there (e.g. OpenSAML initialisation), but read personas and
 * clients only when handling requests.
 */
public interface ProtocolEndpoints {
    /** Whether this object answers the request (usually a test on method and path). */
    boolean handles(FakeRequest request);

    /**
     * Answers the request. An unexpected runtime exception becomes a 500 with a short text body;
     * protocol errors should be answered the protocol's way instead.
     */
    FakeResponse handle(FakeRequest request, FakeIdpContext context);
}
