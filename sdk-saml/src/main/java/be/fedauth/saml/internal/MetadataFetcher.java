package be.fedauth.saml.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where metadata bytes come from: a URL, a file, or a fixed document. */
public interface MetadataFetcher {

    /** The current bytes; at most {@link MetadataReader#MAX_BYTES} (+1 to detect larger). */
    byte[] fetch() throws IOException;

    /** For logs. */
    String describe();

    /** A fixed document. */
    static MetadataFetcher of(byte[] xml) {
        byte[] copy = xml.clone();
        return new MetadataFetcher() {
            @Override
            public byte[] fetch() {
                return copy.clone();
            }

            @Override
            public String describe() {
                return "inline metadata";
            }
        };
    }

    /** A file, read again at each refresh. */
    static MetadataFetcher of(Path file) {
        return new MetadataFetcher() {
            @Override
            public byte[] fetch() throws IOException {
                try (InputStream in = Files.newInputStream(file)) {
                    return in.readNBytes(MetadataReader.MAX_BYTES + 1);
                }
            }

            @Override
            public String describe() {
                return file.toString();
            }
        };
    }

    /** An HTTP(S) URL, fetched with bounded timeouts and size. */
    static MetadataFetcher of(URI url, Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return new MetadataFetcher() {
            @Override
            public byte[] fetch() throws IOException {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Accept", "application/samlmetadata+xml, application/xml, text/xml").GET().build();
                try {
                    HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream body = response.body()) {
                        if (response.statusCode() != 200) {
                            throw new IOException("HTTP " + response.statusCode() + " from " + url);
                        }
                        return body.readNBytes(MetadataReader.MAX_BYTES + 1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while fetching " + url, e);
                }
            }

            @Override
            public String describe() {
                return url.toString();
            }
        };
    }
}
