package be.fedauth.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers the token, userinfo and JWKS requests of one login with canned
 * FAS-shaped responses, so that {@code finishLogin} can run end to end without an identity provider
 * doing any work. It checks nothing.
 */
final class CannedOidcServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    CannedOidcServer(FasTokens tokens) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        String tokenJson = "{\"access_token\":\"canned-access-token-0123456789\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3599,\"scope\":\"openid profile egovnrn\",\"id_token\":\"" + tokens.idToken + "\"}";
        String jwks = tokens.jwks.toString();
        server.createContext("/token", ex -> answer(ex, "application/json", tokenJson));
        server.createContext("/userinfo", ex -> answer(ex, "application/jwt", tokens.userInfo));
        server.createContext("/jwks", ex -> answer(ex, "application/json", jwks));
        server.setExecutor(executor);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void answer(HttpExchange exchange, String contentType, String body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
