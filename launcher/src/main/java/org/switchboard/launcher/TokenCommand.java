package org.switchboard.launcher;

import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ./switchboard token [--tenant T] [--user U] [--roles a,b] [--ttl PT12H]}: a staff JWT signed with
 * the dev key of the home directory, printed alone so that {@code TOKEN=$(./switchboard token)} works.
 */
final class TokenCommand {
    static final String USAGE = "token [--tenant demo] [--user demo-user] [--roles user] [--ttl PT12H]";
    private static final Set<String> OPTIONS = Set.of("tenant", "user", "roles", "ttl");

    private TokenCommand() {}

    static String mint(Settings settings, List<String> args) throws IOException {
        Map<String, String> options = parse(args);
        Set<String> roles = Arrays.stream(options.getOrDefault("roles", "user").split(","))
                .map(String::strip)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toSet());
        DevKeys keys = DevKeys.loadOrCreate(settings.home());
        return DevTokens.mint(
                keys.privateKey(),
                options.getOrDefault("tenant", "demo"),
                options.getOrDefault("user", "demo-user"),
                roles,
                ttl(options.getOrDefault("ttl", "PT12H")));
    }

    private static Map<String, String> parse(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : "";
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + arg + "'; usage: " + USAGE);
            }
            if (arg.contains("=")) {
                options.put(name, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("option '" + arg + "' needs a value; usage: " + USAGE);
            }
        }
        return options;
    }

    private static Duration ttl(String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl takes an ISO-8601 duration such as PT12H or P7D, not " + value);
        }
    }
}
