package org.carebook.selfservice;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carebook.kernel.Ids;
import org.carebook.kernel.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The keys that sign manage links, kept in the database so that every server process shares them. */
@Repository
class LinkKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    LinkKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Key(String id, byte[] secret, Instant createdAt, Instant retiredAt) {}

    /** The newest key still in use, made on first need. */
    Key current(Instant now) {
        return newest().orElseGet(() -> {
            // Two processes may both make a first key; each then signs with the newest, and both verify.
            add(now);
            return newest().orElseThrow();
        });
    }

    /** A new key that signs from now on; older keys still verify the links they signed. */
    Key add(Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String id = "key_" + Ids.random(12);
        jdbc.sql("INSERT INTO manage_link_keys (id, secret, created_at) VALUES (:id, :secret, :now)")
                .param("id", id)
                .param("secret", secret)
                .param("now", Sql.at(now))
                .update();
        return new Key(id, secret, now, null);
    }

    /** Stops a key verifying, which ends every link it signed. */
    boolean retire(String id, Instant now) {
        return jdbc.sql("UPDATE manage_link_keys SET retired_at = :now WHERE id = :id AND retired_at IS NULL")
                        .param("id", id)
                        .param("now", Sql.at(now))
                        .update()
                == 1;
    }

    Optional<Key> usable(String id) {
        return jdbc.sql("SELECT * FROM manage_link_keys WHERE id = :id AND retired_at IS NULL")
                .param("id", id)
                .query(LinkKeys::key)
                .optional();
    }

    List<Key> all() {
        return jdbc.sql("SELECT * FROM manage_link_keys ORDER BY created_at DESC, id")
                .query(LinkKeys::key)
                .list();
    }

    private Optional<Key> newest() {
        return jdbc.sql("""
                        SELECT * FROM manage_link_keys WHERE retired_at IS NULL
                        ORDER BY created_at DESC, id DESC LIMIT 1""").query(LinkKeys::key).optional();
    }

    private static Key key(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Key(
                rs.getString("id"),
                rs.getBytes("secret"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "retired_at"));
    }
}
