package org.switchboard.core.platform;

import jakarta.validation.groups.Default;

/**
 * The validation group of a request that creates a row: every {@link Default} constraint plus the fields a new
 * row needs. A change of an existing row leaves out what it keeps, so it is checked after the change is laid
 * over the row.
 */
public interface OnCreate extends Default {}
