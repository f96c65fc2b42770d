/**
 * fedauth Redis: the replay cache and the pending logins of a cluster, shared through Redis, so that
 * a login started on one node can finish on another and a replay is refused on every node.
 */
module be.fedauth.redis {
    requires transitive be.fedauth.core;
    requires lettuce.core;

    exports be.fedauth.redis;
}
