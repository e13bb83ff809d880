package org.switchboard.core.platform;

import com.github.f4b6a3.tsid.TsidFactory;

/**
 * 64-bit time-ordered ids (TSID: 42 bits of milliseconds, 10 bits of node, 12 bits of counter).
 * The node comes from the system property {@code tsidcreator.node} in a cluster; ids are serialised
 * as strings in JSON because JavaScript loses precision above 2^53.
 */
public final class Ids {
    private static final TsidFactory FACTORY = TsidFactory.newInstance1024();

    private Ids() {}

    public static long next() {
        return FACTORY.create().toLong();
    }

    /** Parses an id as it appears in a URL or JSON; anything else yields empty. */
    public static java.util.OptionalLong parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return java.util.OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return java.util.OptionalLong.empty();
            }
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }
}
