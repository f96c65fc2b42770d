package be.fedauth.saml;

import be.fedauth.core.ConfigurationException;
import be.fedauth.saml.internal.Credentials;
import be.fedauth.saml.internal.IdpDescriptor;
import be.fedauth.saml.internal.KeyStrength;
import be.fedauth.saml.internal.MetadataCache;
import be.fedauth.saml.internal.MetadataFetcher;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An identity provider's SAML metadata: from a URL, a file or a fixed document, with its signature
 * checked against the configured metadata signers, refreshed when due (checked on use, by the
 * clock, or sooner when the metadata's {@code cacheDuration} asks), keeping the last good copy when a
 * refresh fails until that copy's {@code validUntil} (the earliest of the entity and its enclosing
 * groups; 7 days after its last load when there is none). A copy older than the one in use (an
 * earlier {@code validUntil}) is refused.
 * Only the signing keys in the metadata are ever trusted for responses. Thread-safe.
 */
public final class IdpMetadataSource {
    private static final Logger LOG = LoggerFactory.getLogger(IdpMetadataSource.class);

    private final String entityId;
    private final boolean unsignedAllowed;
    private final MetadataCache cache;

    private IdpMetadataSource(Builder b) {
        this.entityId = b.entityId;
        this.unsignedAllowed = b.unsignedAllowed;
        this.cache = new MetadataCache(b.fetcher.get(), b.entityId, Credentials.verifying(b.signers),
                b.refreshInterval, b.retryInterval,
                b.timeout, b.clock);
    }

    /**
     * Metadata at an HTTPS URL (HTTP only for a loopback host, such as the testkit: {@code localhost} or a
     * loopback address literal; no other name is resolved to decide).
     *
     * @param entityId the identity provider's entity id, which the metadata must describe
     * @throws ConfigurationException when the URL carries user info
     */
    public static Builder fromUrl(URI url, String entityId) {
        Objects.requireNonNull(url, "url");
        if (url.getRawUserInfo() != null) {
            // The URL is logged with every failed refresh: credentials do not belong in it.
            throw new ConfigurationException("the metadata URL must not carry user info (credentials)");
        }
        Builder builder = new Builder(entityId, url.toString());
        builder.fetcher = () -> MetadataFetcher.of(url, builder.timeout);
        builder.url = url;
        return builder;
    }

    /** Metadata in a file, read again at each refresh. */
    public static Builder fromFile(Path file, String entityId) {
        Objects.requireNonNull(file, "file");
        Builder builder = new Builder(entityId, file.toString());
        builder.fetcher = () -> MetadataFetcher.of(file);
        return builder;
    }

    /** A fixed metadata document. */
    public static Builder fromXml(String xml, String entityId) {
        byte[] bytes = Objects.requireNonNull(xml, "xml").getBytes(StandardCharsets.UTF_8);
        Builder builder = new Builder(entityId, "inline metadata");
        builder.fetcher = () -> MetadataFetcher.of(bytes);
        return builder;
    }

    /** The identity provider's entity id. */
    public String entityId() {
        return entityId;
    }

    /**
     * Loads the metadata now, whatever the schedule.
     *
     * @return whether it succeeded; on failure the last good copy stays in use
     */
    public boolean refreshNow() {
        return cache.refreshNow();
    }

    /** The metadata to use now (refreshed first when due). */
    IdpDescriptor descriptor() {
        return cache.current();
    }

    @Override
    public String toString() {
        return "IdpMetadataSource[" + entityId + (unsignedAllowed ? ", allowUnsignedMetadata" : "") + "]";
    }

    /** Builds an {@link IdpMetadataSource}. Not thread-safe. */
    public static final class Builder {
        private final String entityId;
        private final String location;
        private Supplier<MetadataFetcher> fetcher;
        private URI url;
        private final List<X509Certificate> signers = new ArrayList<>();
        private boolean unsignedAllowed;
        private Duration refreshInterval = Duration.ofHours(6);
        private Duration retryInterval = Duration.ofMinutes(5);
        private Duration timeout = Duration.ofSeconds(10);
        private Clock clock = Clock.systemUTC();

        private Builder(String entityId, String location) {
            this.entityId = Objects.requireNonNull(entityId, "entityId");
            this.location = location;
        }

        /** A certificate whose key may sign the metadata (add the next one too during a rollover). */
        public Builder signedBy(X509Certificate certificate) {
            Objects.requireNonNull(certificate, "certificate");
            if (!KeyStrength.isStrong(certificate.getPublicKey())) {
                throw new ConfigurationException("the metadata signing key is too weak");
            }
            signers.add(certificate);
            return this;
        }

        /**
         * Accepts metadata without a signature check, for identity providers that do not sign theirs
         * (Keycloak, SimpleSAMLphp by default). Trust then comes from where it is read: a file the operator
         * placed, or a URL over HTTPS (HTTP only to a loopback address; {@link #build()} refuses any other
         * URL). Refreshed, and its last good copy kept, exactly as signed metadata. Logged at WARN once, by
         * {@link #build()}, and shown by {@code toString()}. Excludes {@link #signedBy}.
         */
        public Builder allowUnsignedMetadata() {
            this.unsignedAllowed = true;
            return this;
        }

        /** How often the metadata is fetched again (default 6 hours, at least 1 minute). */
        public Builder refreshInterval(Duration value) {
            this.refreshInterval = Objects.requireNonNull(value, "refreshInterval");
            return this;
        }

        /** How soon a failed refresh is retried (default 5 minutes, at least 1 second). */
        public Builder retryInterval(Duration value) {
            this.retryInterval = Objects.requireNonNull(value, "retryInterval");
            return this;
        }

        /**
         * The longest a URL fetch takes, from connecting to the last byte of the body (default 10 seconds,
         * at most 60); also the longest a login waits for another login's first load of the metadata.
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** The clock that decides when a refresh is due (default: system clock, UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * The source; nothing is fetched yet.
         *
         * @throws ConfigurationException when neither a signer nor the opt-out is given, or a setting is out of range
         */
        public IdpMetadataSource build() {
            if (signers.isEmpty() && !unsignedAllowed) {
                throw new ConfigurationException("give the metadata signer's certificate (signedBy) for " + location
                        + ", or allowUnsignedMetadata()");
            }
            if (!signers.isEmpty() && unsignedAllowed) {
                throw new ConfigurationException("signedBy and allowUnsignedMetadata exclude each other");
            }
            if (refreshInterval.compareTo(Duration.ofMinutes(1)) < 0 || retryInterval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new ConfigurationException("the metadata refresh interval is at least 1 minute, the retry 1 second");
            }
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new ConfigurationException("the metadata timeout is between 0 and 60 seconds");
            }
            if (url != null && !transportTrusted(url)) {
                throw new ConfigurationException((unsignedAllowed ? "unsigned metadata (allowUnsignedMetadata()) is"
                        : "metadata is") + " fetched over HTTPS only (HTTP only from a loopback address): " + url);
            }
            if (unsignedAllowed) {
                LOG.warn("metadata of {} from {} is not signed: trusted because allowUnsignedMetadata() was set",
                        entityId, location);
            }
            return new IdpMetadataSource(this);
        }

        /** HTTPS, or HTTP to a loopback address, where nobody else is on the path. */
        private static boolean transportTrusted(URI url) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            return url.getHost() != null && ("https".equals(scheme) || "http".equals(scheme) && isLoopback(url.getHost()));
        }

        /**
         * Whether a host is {@code localhost} or a loopback address literal (127.0.0.0/8, ::1). Other names
         * are not resolved: a name that resolves to 127.0.0.1 today may resolve elsewhere at the next
         * refresh, and plain HTTP would then cross the network. As sdk-oidc's {@code Urls.isLoopback}.
         */
        static boolean isLoopback(String host) {
            String h = host.toLowerCase(Locale.ROOT);
            if ("localhost".equals(h) || h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}")) {
                return true;
            }
            if (!h.startsWith("[") || !h.endsWith("]") || !h.matches("\\[[0-9a-f:]*:[0-9a-f:]*]")) {
                return false;
            }
            try {
                // An IPv6 literal (it has a colon): parsed, never looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
    }
}
