package be.fedauth.demo.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A loopback port free now. Portals and identity providers must know each other's URLs before
 * either starts (redirect URIs are registered at the IdP; the IdP's URL is an option of the
 * portal), so one of them is started on a port picked first.
 */
public final class FreePort {
    private FreePort() {
    }

    /** A port nothing listens on at this moment. */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
