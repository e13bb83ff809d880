package org.switchboard.core.platform;

/** Fired once the schema migrations have been applied: the database is ready for the application's data. */
public record SchemaReady() {}
