package be.fedauth.redis;

import be.fedauth.core.ConfigurationException;
import be.fedauth.redis.internal.RedisUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach Redis: the URI, timeouts, the key prefix of this application, and TLS trust.
 * Immutable and thread-safe; {@link #toString()} hides the password.
 *
 * <p>The URI is {@code redis[s]://[[username]:password@]host[:port][/database]}: {@code rediss}
 * turns TLS on, with the server's certificate and host name always verified. An unencrypted
 * {@code redis://} connection to a host other than this machine is refused unless
 * {@link Builder#allowUnencryptedConnection()} is called, because the password and the replay ids
 * would cross the network in clear.
 *
 * <p>Defaults: command timeout 1 s, connect timeout 2 s, key prefix {@code fedauth}, the JDK's
 * trusted certificates.
 */
public final class RedisSettings {
    /** The default command timeout: 1 second. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(1);
    /** The default connect timeout: 2 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** The default key prefix. */
    public static final String DEFAULT_KEY_PREFIX = "fedauth";

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final RedisUri uri;
    private final Duration commandTimeout;
    private final Duration connectTimeout;
    private final String keyPrefix;
    private final boolean unencryptedAllowed;
    private final Optional<Path> trustedCertificates;

    private RedisSettings(Builder b) {
        this.uri = b.uri;
        this.commandTimeout = b.commandTimeout;
        this.connectTimeout = b.connectTimeout;
        this.keyPrefix = b.keyPrefix;
        this.unencryptedAllowed = b.unencryptedAllowed;
        this.trustedCertificates = b.trustedCertificates;
    }

    /**
     * Settings for a Redis URI, with the defaults.
     *
     * @throws ConfigurationException when the URI is not a usable Redis URI
     */
    public static RedisSettings fromUri(String uri) {
        return builder(uri).build();
    }

    /**
     * A builder for a Redis URI.
     *
     * @throws ConfigurationException when the URI is not a usable Redis URI
     */
    public static Builder builder(String uri) {
        return new Builder(RedisUri.parse(uri));
    }

    /** A builder holding these settings, to make a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.commandTimeout = commandTimeout;
        b.connectTimeout = connectTimeout;
        b.keyPrefix = keyPrefix;
        b.unencryptedAllowed = unencryptedAllowed;
        b.trustedCertificates = trustedCertificates;
        return b;
    }

    /** The host name or address. */
    public String host() {
        return uri.host();
    }

    /** The TCP port. */
    public int port() {
        return uri.port();
    }

    /** Whether the connection uses TLS ({@code rediss://}). */
    public boolean tls() {
        return uri.tls();
    }

    /** The logical database number. */
    public int database() {
        return uri.database();
    }

    /** The ACL user name, when the URI gives one. */
    public Optional<String> username() {
        return uri.username();
    }

    /** Whether the URI gives a password (the password itself is not readable). */
    public boolean hasPassword() {
        return uri.password().isPresent();
    }

    /** How long one command may take before it fails with {@code store_unavailable}. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    /** How long connecting (TCP, TLS, AUTH, SELECT) may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The prefix of every key this application writes, so that several applications share one Redis. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Whether an unencrypted connection to another machine was allowed on purpose. */
    public boolean unencryptedAllowed() {
        return unencryptedAllowed;
    }

    /** The PEM file of certificates trusted for TLS, instead of the JDK's. */
    public Optional<Path> trustedCertificates() {
        return trustedCertificates;
    }

    RedisUri uri() {
        return uri;
    }

    @Override
    public String toString() {
        return "RedisSettings[uri=" + uri + ", commandTimeout=" + commandTimeout + ", connectTimeout="
                + connectTimeout + ", keyPrefix=" + keyPrefix
                + (unencryptedAllowed ? ", unencryptedAllowed=true" : "")
                + trustedCertificates.map(p -> ", trustedCertificates=" + p).orElse("") + "]";
    }

    /** Builds {@link RedisSettings}. Not thread-safe. */
    public static final class Builder {
        private final RedisUri uri;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private boolean unencryptedAllowed;
        private Optional<Path> trustedCertificates = Optional.empty();

        private Builder(RedisUri uri) {
            this.uri = uri;
        }

        /** How long one command may take, 10 ms to 30 s (default 1 s). */
        public Builder commandTimeout(Duration value) {
            this.commandTimeout = Objects.requireNonNull(value, "commandTimeout");
            return this;
        }

        /** How long connecting may take, 10 ms to 30 s (default 2 s). */
        public Builder connectTimeout(Duration value) {
            this.connectTimeout = Objects.requireNonNull(value, "connectTimeout");
            return this;
        }

        /**
         * The prefix of every key, one per application sharing a Redis: a letter or digit, then up to
         * 63 letters, digits, '_', '-' or '.' (default {@code fedauth}).
         */
        public Builder keyPrefix(String value) {
            this.keyPrefix = Objects.requireNonNull(value, "keyPrefix");
            return this;
        }

        /**
         * Allows {@code redis://} without TLS to another machine. The password and the replay ids
         * then cross the network in clear (pending logins stay sealed). Logged at WARN when the
         * stores start.
         */
        public Builder allowUnencryptedConnection() {
            this.unencryptedAllowed = true;
            return this;
        }

        /** A PEM file of the certificates to trust for TLS (for a private CA), instead of the JDK's. */
        public Builder trustedCertificates(Path pemFile) {
            this.trustedCertificates = Optional.of(Objects.requireNonNull(pemFile, "pemFile"));
            return this;
        }

        /**
         * The settings.
         *
         * @throws ConfigurationException when a timeout is out of range, the prefix is malformed, an
         *     unencrypted connection would leave this machine without being allowed, or the trusted
         *     certificates are given without TLS or cannot be read
         */
        public RedisSettings build() {
            checkTimeout("command", commandTimeout);
            checkTimeout("connect", connectTimeout);
            if (!PREFIX.matcher(keyPrefix).matches()) {
                throw new ConfigurationException("a Redis key prefix is a letter or digit, then up to 63 letters,"
                        + " digits, '_', '-' or '.'");
            }
            if (!uri.tls() && !uri.isLoopback() && !unencryptedAllowed) {
                throw new ConfigurationException("redis:// to " + uri.host() + " is unencrypted: use rediss://,"
                        + " or call allowUnencryptedConnection() on purpose");
            }
            if (trustedCertificates.isPresent()) {
                if (!uri.tls()) {
                    throw new ConfigurationException("trusted certificates are set but the URI is not rediss://");
                }
                if (!Files.isReadable(trustedCertificates.get())) {
                    throw new ConfigurationException("the trusted certificates file cannot be read: "
                            + trustedCertificates.get());
                }
            }
            return new RedisSettings(this);
        }

        private static void checkTimeout(String name, Duration value) {
            if (value.compareTo(MIN_TIMEOUT) < 0 || value.compareTo(MAX_TIMEOUT) > 0) {
                throw new ConfigurationException("the Redis " + name + " timeout must be between 10 ms and 30 s");
            }
        }
    }
}
