package org.switchboard.web.admin;

import java.util.List;

/** A collection as the admin API answers it: {@code {"data": [...]}}. */
public record Listing<T>(List<T> data) {}
