package be.fedauth.redis.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.SslVerifyMode;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only class that touches Lettuce: one shared connection, the three commands the stores need,
 * and every Lettuce failure turned into a {@link StoreUnreachableException}. Thread-safe.
 *
 * <p>Lettuce's automatic reconnection is off, and commands are rejected while disconnected, so that
 * an unreachable Redis fails a login at once (fail closed) instead of queueing it. The next command
 * after a lost connection connects again, so recovery needs no background thread and no delay.
 */
public final class RedisGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisGateway.class);

    /**
     * GET then DEL in one atomic script, for servers older than Redis 6.2 that lack GETDEL. Scripts
     * run atomically: no other command runs between the two calls (Redis EVAL documentation,
     * "Atomicity of scripts").
     */
    static final String GET_AND_DELETE_SCRIPT =
            "local v = redis.call('GET', KEYS[1]) if v then redis.call('DEL', KEYS[1]) end return v";

    private final RedisClient client;
    private final ReentrantLock connectLock = new ReentrantLock();
    private final AtomicLong failedConnects = new AtomicLong();
    private final Duration connectWait;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile boolean closed;
    private volatile boolean getDelMissing;

    /** A gateway; it connects on first use. */
    public RedisGateway(RedisUri uri, Duration commandTimeout, Duration connectTimeout, Optional<Path> trusted) {
        Objects.requireNonNull(uri, "uri");
        // A connect attempt lasts at most the URI timeout (connect plus handshake); wait a little longer.
        this.connectWait = connectTimeout.plus(commandTimeout).plusMillis(100);
        RedisURI.Builder target = RedisURI.Builder.redis(uri.host(), uri.port())
                .withDatabase(uri.database())
                .withTimeout(connectTimeout.plus(commandTimeout));
        if (uri.tls()) {
            target.withSsl(true).withVerifyPeer(SslVerifyMode.FULL);
        }
        if (uri.password().isPresent()) {
            if (uri.username().isPresent()) {
                target.withAuthentication(uri.username().get(), uri.password().get());
            } else {
                target.withPassword((CharSequence) uri.password().get());
            }
        }
        // The client owns its thread pools (a few threads) and stops them on shutdown.
        this.client = RedisClient.create(target.build());
        ClientOptions.Builder options = ClientOptions.builder()
                .autoReconnect(false)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout));
        trusted.ifPresent(pem -> options.sslOptions(
                SslOptions.builder().jdkSslProvider().trustManager(pem.toFile()).build()));
        client.setOptions(options.build());
    }

    /**
     * {@code SET key value NX PX ttl}: stores the value only if the key does not exist, atomically.
     *
     * @return whether the value was stored
     */
    public boolean setIfAbsent(String key, String value, long ttlMillis) {
        return call(c -> "OK".equals(c.set(key, value, SetArgs.Builder.nx().px(ttlMillis))));
    }

    /** {@code EXISTS key}: whether the key is there (and so not expired). */
    public boolean exists(String key) {
        return call(c -> c.exists(key) > 0);
    }

    /** {@code GETDEL key} (Redis 6.2+), or the same as an atomic script on older servers. */
    public Optional<String> getAndDelete(String key) {
        return Optional.ofNullable(call(c -> {
            if (!getDelMissing) {
                try {
                    return c.getdel(key);
                } catch (RedisCommandExecutionException e) {
                    if (!isUnknownCommand(e)) {
                        throw e;
                    }
                    LOG.info("Redis has no GETDEL (older than 6.2): taking pending logins with a script");
                    getDelMissing = true;
                }
            }
            return c.<String>eval(GET_AND_DELETE_SCRIPT, ScriptOutputType.VALUE, key);
        }));
    }

    /** {@code PING}: whether Redis answers, for health checks. */
    public void ping() {
        call(RedisCommands::ping);
    }

    private <T> T call(Function<RedisCommands<String, String>, T> command) {
        StatefulRedisConnection<String, String> c = connection();
        try {
            return command.apply(c.sync());
        } catch (RedisCommandInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnreachableException("interrupted while waiting for Redis", e);
        } catch (RedisException e) {
            if (!c.isOpen()) {
                forget(c);
            }
            throw new StoreUnreachableException(describe(e), e);
        }
    }

    private StatefulRedisConnection<String, String> connection() {
        StatefulRedisConnection<String, String> c = connection;
        if (c != null && c.isOpen()) {
            return c;
        }
        // One connect attempt at a time, and its outcome is shared: threads that waited for an
        // attempt that failed fail at once instead of each trying (and waiting) again in turn.
        long failuresBefore = failedConnects.get();
        lockWithin(connectWait);
        try {
            if (closed) {
                throw new StoreUnreachableException("the Redis stores are closed", null);
            }
            c = connection;
            if (c != null && c.isOpen()) {
                return c;
            }
            if (failedConnects.get() != failuresBefore) {
                throw new StoreUnreachableException("cannot connect to Redis (the attempt this call waited for failed)",
                        null);
            }
            // A connection that is no longer open was closed by Lettuce itself (no auto-reconnect).
            try {
                connection = client.connect(StringCodec.UTF8);
                return connection;
            } catch (RedisCommandInterruptedException e) {
                failedConnects.incrementAndGet();
                Thread.currentThread().interrupt();
                throw new StoreUnreachableException("interrupted while connecting to Redis", e);
            } catch (RedisException e) {
                failedConnects.incrementAndGet();
                throw new StoreUnreachableException("cannot connect to Redis: " + describe(e), e);
            }
        } finally {
            connectLock.unlock();
        }
    }

    private void lockWithin(Duration wait) {
        boolean locked;
        try {
            locked = connectLock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnreachableException("interrupted while waiting for a connection to Redis", e);
        }
        if (!locked) {
            throw new StoreUnreachableException("still connecting to Redis", null);
        }
    }

    private void forget(StatefulRedisConnection<String, String> c) {
        connectLock.lock();
        try {
            if (connection == c) {
                connection = null;
            }
        } finally {
            connectLock.unlock();
        }
    }

    private static boolean isUnknownCommand(RedisCommandExecutionException e) {
        String message = Optional.ofNullable(e.getMessage()).orElse("").toLowerCase(Locale.ROOT);
        return message.contains("unknown command");
    }

    // Lettuce messages name the host and the command but never the arguments (keys, values).
    private static String describe(RedisException e) {
        return e.getClass().getSimpleName() + ": " + Optional.ofNullable(e.getMessage()).orElse("no message");
    }

    /** Closes the connection and stops Lettuce's threads. */
    @Override
    public void close() {
        connectLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } finally {
            connectLock.unlock();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
