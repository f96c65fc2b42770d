package be.fedauth.testkit.internal;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WireMock extension that answers every request of the fake IdP: it turns the WireMock request into a
 * {@link FakeRequest}, asks the first {@link ProtocolEndpoints} that handles it, and turns the
 * {@link FakeResponse} back into a WireMock response definition, keeping the stub's delay (faults).
 */
final class DispatchTransformer implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fedauth-dispatch";
    static final String TRUNCATE = "fedauth-truncate";
    private static final Logger LOG = LoggerFactory.getLogger(DispatchTransformer.class);

    private volatile List<ProtocolEndpoints> endpoints = List.of();
    private volatile FakeIdpContext context;

    void bind(FakeIdpContext context, List<ProtocolEndpoints> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        this.context = context;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        FakeResponse response = answer(toFakeRequest(serveEvent.getRequest()));
        byte[] body = response.body();
        Object truncate = serveEvent.getTransformerParameters().get(TRUNCATE);
        if (Boolean.TRUE.equals(truncate) || "true".equals(truncate)) {
            body = Arrays.copyOf(body, body.length / 2);
        }
        List<HttpHeader> headers = new ArrayList<>();
        response.headers().forEach((k, v) -> headers.add(new HttpHeader(k, v)));
        return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withStatus(response.status())
                .withHeaders(new HttpHeaders(headers))
                .withBody(body)
                .build();
    }

    private FakeResponse answer(FakeRequest request) {
        FakeIdpContext ctx = context;
        if (ctx == null) {
            return FakeResponse.text(503, "the fake IdP is starting");
        }
        for (ProtocolEndpoints candidate : endpoints) {
            if (candidate.handles(request)) {
                try {
                    return candidate.handle(request, ctx);
                } catch (RuntimeException e) {
                    LOG.warn("{} failed on {}", candidate.getClass().getSimpleName(), request, e);
                    return FakeResponse.text(500, "internal error of the fake IdP: " + e.getClass().getSimpleName());
                }
            }
        }
        return FakeResponse.text(404, "no such endpoint on the fake IdP: " + request.method() + " " + request.path());
    }

    /** The request as the endpoints see it (also used for the recorded requests). */
    static FakeRequest toFakeRequest(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String rawPath = q < 0 ? url : url.substring(0, q);
        String rawQuery = q < 0 ? null : url.substring(q + 1);
        String path;
        try {
            path = URI.create(rawPath).getPath();
        } catch (IllegalArgumentException e) {
            path = rawPath; // not a valid URI path: matched as sent, so no endpoint handles it
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        String contentType = request.getHeader("Content-Type");
        Map<String, List<String>> form = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? HttpForms.decode(request.getBodyAsString()) : Map.of();
        return new FakeRequest(request.getMethod().getName().toUpperCase(Locale.ROOT),
                path == null || path.isEmpty() ? "/" : path, HttpForms.decode(rawQuery), form, headers, body);
    }
}
