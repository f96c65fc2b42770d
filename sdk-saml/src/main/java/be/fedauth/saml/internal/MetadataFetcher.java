package be.fedauth.saml.internal;

import be.fedauth.core.internal.http.BoundedHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Where metadata bytes come from: a URL, a file, or a fixed document. */
public interface MetadataFetcher {

    /**
     * The current bytes; at most {@link MetadataReader#MAX_BYTES} (+1 to detect larger).
     *
     * @throws IOException or {@link be.fedauth.core.IdpUnavailableException} when they cannot be had
     */
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

    /**
     * An HTTP(S) URL, fetched through sdk-core's bounded exchange: the whole fetch (connecting, the
     * headers and the last byte of the body) takes at most {@code timeout}, and the body is capped at
     * {@link MetadataReader#MAX_BYTES}. A slow or trickling server fails the fetch with
     * {@code idp_unavailable} instead of holding the caller (and the cache's lock) for as long as it likes.
     */
    static MetadataFetcher of(URI url, Duration timeout) {
        BoundedHttp http = new BoundedHttp(timeout, timeout, timeout, MetadataReader.MAX_BYTES);
        return new MetadataFetcher() {
            @Override
            public byte[] fetch() throws IOException {
                BoundedHttp.Response response = http.get(url,
                        Map.of("Accept", "application/samlmetadata+xml, application/xml, text/xml"), "SAML metadata");
                if (response.status() != 200) {
                    throw new IOException("HTTP " + response.status() + " from " + url);
                }
                return response.body();
            }

            @Override
            public String describe() {
                return url.toString();
            }
        };
    }
}
