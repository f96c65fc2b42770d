package be.fedauth.redis.internal;

import be.fedauth.core.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of a {@code redis://} or {@code rediss://} URI, as registered with IANA:
 * {@code redis[s]://[[username]:password@]host[:port][/database]}.
 *
 * <p>Stricter than most clients on purpose: a userinfo without ':' is refused (is it a user or a
 * password?), and so are query parameters and fragments, whose meaning differs between clients;
 * timeouts and the key prefix are set on the settings builder instead.
 *
 * @param host the host name or address
 * @param port the TCP port, 6379 by default
 * @param tls whether the scheme is {@code rediss}
 * @param database the logical database, 0 by default
 * @param username the ACL user (Redis 6+), when given
 * @param password the password, when given (a secret)
 */
public record RedisUri(String host, int port, boolean tls, int database, Optional<String> username,
                       Optional<String> password) {
    /** The port Redis listens on by default. */
    public static final int DEFAULT_PORT = 6379;
    private static final int MAX_DATABASE = 9999;

    /** Validates. */
    public RedisUri {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Parses a URI.
     *
     * @throws ConfigurationException when it is not a usable Redis URI; the message never holds the
     *     URI itself, which may carry a password
     */
    public static RedisUri parse(String text) {
        Objects.requireNonNull(text, "uri");
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid("it is not a URI");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        boolean tls;
        if (scheme.equals("rediss")) {
            tls = true;
        } else if (scheme.equals("redis")) {
            tls = false;
        } else {
            throw invalid("the scheme must be redis or rediss");
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw invalid("it has no host");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid("it has no host (or the host is not a valid name)");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw invalid("the port must be between 1 and 65535");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("query parameters and fragments are not supported; use the settings builder");
        }
        int database = database(uri.getRawPath());
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw invalid("write the credentials as :password@ or username:password@");
            }
            String user = userInfo.substring(0, colon);
            String secret = userInfo.substring(colon + 1);
            if (secret.isEmpty()) {
                throw invalid("the password is empty");
            }
            username = user.isEmpty() ? Optional.empty() : Optional.of(user);
            password = Optional.of(secret);
        }
        return new RedisUri(host, port, tls, database, username, password);
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String digits = path.substring(1);
        if (!digits.matches("[0-9]{1,4}")) {
            throw invalid("the path must be the database number, 0 to " + MAX_DATABASE);
        }
        return Integer.parseInt(digits);
    }

    /** Whether the host is this machine, where an unencrypted connection does not cross a network. */
    public boolean isLoopback() {
        return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("::1")
                || host.equals("0:0:0:0:0:0:0:1");
    }

    private static ConfigurationException invalid(String why) {
        return new ConfigurationException("invalid Redis URI: " + why);
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + username.orElse("") + password.map(p -> ":***@").orElse("")
                + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + database;
    }
}
