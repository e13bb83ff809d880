package org.switchboard.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/** How the application reaches its database, as the environment variables its MicroProfile Config reads. */
record DatabaseConnection(String url, String user, String password, String description) {
    static DatabaseConnection of(EmbeddedDatabase db, String description) {
        return new DatabaseConnection(db.jdbcUrl(), db.user(), db.password(), description);
    }

    /** Only the values that are set: an external database may need no user or password. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SWITCHBOARD_DB_URL", url);
        if (user != null) {
            env.put("SWITCHBOARD_DB_USER", user);
        }
        if (password != null) {
            env.put("SWITCHBOARD_DB_PASSWORD", password);
        }
        return env;
    }
}
