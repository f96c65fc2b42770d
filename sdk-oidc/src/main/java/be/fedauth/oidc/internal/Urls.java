package be.fedauth.oidc.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** The URL rules: https, or http on a loopback host when the settings allow it. */
public final class Urls {
    private Urls() {
    }

    /** Whether the URL may be used: https, or http to a loopback host when {@code httpForLoopback}. */
    public static boolean allowed(URI uri, boolean httpForLoopback) {
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return "https".equals(scheme) || "http".equals(scheme) && httpForLoopback && isLoopback(uri.getHost());
    }

    /** Whether a host is "localhost" or a loopback address literal; other names are not resolved. */
    public static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
