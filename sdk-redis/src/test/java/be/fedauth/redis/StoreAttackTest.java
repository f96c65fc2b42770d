package be.fedauth.redis;

import be.fedauth.core.SettableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import be.fedauth.core.ErrorCode;
import be.fedauth.core.FedAuthException;
import be.fedauth.core.PendingLoginSealer;
import be.fedauth.core.SealingKey;
import be.fedauth.core.spi.RandomValues;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an attacker, a replaying browser or a broken deployment may try, and the code each one gets. */
class StoreAttackTest {
    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** Two nodes of one application ("emcs") and one of another ("ncts"), on one Redis. */
    static final class Cluster {
        final SettableClock clock = SettableClock.fixed(Logins.START);
        final RedisStores nodeA;
        final RedisStores nodeB;
        final RedisStores otherApplication;

        Cluster() {
            RedisSettings settings = RedisSettings.builder(REDIS.uri()).keyPrefix("emcs").build();
            nodeA = REDIS.stores(settings, clock, new RecordingAuditSink());
            nodeB = REDIS.stores(settings, clock, new RecordingAuditSink());
            otherApplication = REDIS.stores(settings.toBuilder().keyPrefix("ncts").build(), clock,
                    new RecordingAuditSink());
        }

        RedisPendingLoginStore pending(RedisStores node) {
            return node.pendingLoginStore(Logins.sealer(clock), RandomValues.secure());
        }

        Instant in(Duration d) {
            return clock.instant().plus(d);
        }

        /** Puts a login on node A and returns its handle. */
        String started() {
            return pending(nodeA).put(Logins.pending("s1", clock.instant()));
        }

        /** Replaces the stored value of the only pending login, keeping its expiry. */
        void overwriteStoredValue(String value) {
            List<String> keys = REDIS.redis().keys("emcs:pending:*");
            assertThat(keys).hasSize(1);
            REDIS.redis().set(keys.get(0), value, SetArgs.Builder.keepttl());
        }

        String storedValue() {
            return REDIS.redis().get(REDIS.redis().keys("emcs:pending:*").get(0));
        }
    }

    enum Attack {
        REPLAY_ON_SAME_NODE(ErrorCode.REPLAY_DETECTED) {
            @Override
            void run(Cluster c) {
                c.nodeA.replayCache().markUsed("saml-assertion", "_a", c.in(Duration.ofMinutes(5)));
                c.nodeA.replayCache().markUsed("saml-assertion", "_a", c.in(Duration.ofMinutes(5)));
            }
        },
        REPLAY_ON_OTHER_NODE(ErrorCode.REPLAY_DETECTED) {
            @Override
            void run(Cluster c) {
                c.nodeA.replayCache().markUsed("oidc-code", "code-1", c.in(Duration.ofMinutes(1)));
                c.nodeB.replayCache().markUsed("oidc-code", "code-1", c.in(Duration.ofMinutes(1)));
            }
        },
        REPLAY_CLAIMING_A_LATER_EXPIRY(ErrorCode.REPLAY_DETECTED) {
            @Override
            void run(Cluster c) {
                c.nodeA.replayCache().markUsed("saml-assertion", "_a", c.in(Duration.ofMinutes(5)));
                c.nodeB.replayCache().markUsed("saml-assertion", "_a", c.in(Duration.ofHours(5)));
            }
        },
        REPLAY_LATER_WHILE_STILL_VALID(ErrorCode.REPLAY_DETECTED) {
            @Override
            void run(Cluster c) {
                Instant expiry = c.in(Duration.ofMinutes(5));
                c.nodeA.replayCache().markUsed("oidc-jti", "jti-1", expiry);
                c.clock.advance(Duration.ofMinutes(4));
                c.nodeB.replayCache().markUsed("oidc-jti", "jti-1", expiry);
            }
        },
        TAKE_TWICE_ON_TWO_NODES(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                c.pending(c.nodeB).take(handle);
                c.pending(c.nodeA).take(handle);
            }
        },
        TAKE_UNKNOWN_HANDLE(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                c.started();
                c.pending(c.nodeB).take(RandomValues.secure().next());
            }
        },
        TAKE_GLOB_PATTERN_AS_HANDLE(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                c.started();
                c.pending(c.nodeB).take("*");
            }
        },
        TAKE_PATH_AS_HANDLE(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                c.pending(c.nodeB).take("../../emcs:pending:abcdefghijklmnop");
            }
        },
        TAKE_OVERLONG_HANDLE(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                c.pending(c.nodeB).take("A".repeat(100_000));
            }
        },
        TAKE_EMPTY_HANDLE(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                c.pending(c.nodeB).take("");
            }
        },
        TAKE_AFTER_LOGIN_EXPIRED(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                c.clock.advance(Duration.ofMinutes(11));
                c.pending(c.nodeB).take(handle);
            }
        },
        TAKE_HANDLE_OF_ANOTHER_APPLICATION(ErrorCode.PENDING_LOGIN_NOT_FOUND) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                c.pending(c.otherApplication).take(handle);
            }
        },
        TAKE_VALUE_CHANGED_IN_REDIS(ErrorCode.PENDING_LOGIN_INVALID) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                String sealed = c.storedValue();
                int i = sealed.length() / 2;
                char flipped = sealed.charAt(i) == 'A' ? 'B' : 'A';
                c.overwriteStoredValue(sealed.substring(0, i) + flipped + sealed.substring(i + 1));
                c.pending(c.nodeB).take(handle);
            }
        },
        TAKE_VALUE_NOT_SEALED(ErrorCode.PENDING_LOGIN_INVALID) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                c.overwriteStoredValue("{\"state\":\"chosen-by-attacker\"}");
                c.pending(c.nodeB).take(handle);
            }
        },
        TAKE_VALUE_SEALED_WITH_A_RETIRED_KEY(ErrorCode.PENDING_LOGIN_UNKNOWN_KEY) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                PendingLoginSealer newKeyOnly = PendingLoginSealer.create(SealingKey.of("k2027", Logins.bytes(9)), c.clock);
                c.nodeB.pendingLoginStore(newKeyOnly, RandomValues.secure()).take(handle);
            }
        },
        USE_CLOSED_STORES(ErrorCode.STORE_UNAVAILABLE) {
            @Override
            void run(Cluster c) {
                String handle = c.started();
                RedisPendingLoginStore store = c.pending(c.nodeB);
                c.nodeB.close();
                store.take(handle);
            }
        };

        final ErrorCode expected;

        Attack(ErrorCode expected) {
            this.expected = expected;
        }

        abstract void run(Cluster c);
    }

    private Cluster cluster;

    @BeforeEach
    void cluster() {
        cluster = new Cluster();
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void attack_isRefusedWithItsErrorCode(Attack attack) {
        FedAuthException e = catchThrowableOfType(() -> attack.run(cluster), FedAuthException.class);

        assertThat(e).as(attack.name() + " must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(attack.expected);
    }
}
