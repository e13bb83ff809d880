package org.switchboard.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The test domain's asadmin, for tests that act as an operator would (deploy, restart). */
final class Asadmin {
    static final Path PAYARA = Path.of(System.getProperty("payara.home"));
    static final Path DOMAIN = PAYARA.resolve("glassfish/domains/it");

    private Asadmin() {}

    static void run(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                PAYARA.resolve("bin/asadmin").toString(), "--port", System.getProperty("it.admin.port", "24048")));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            Path.of("target", "asadmin.log").toFile()))
                    .start();
            if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed; see target/asadmin.log");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the application itself answers (readiness alone is UP before any app has deployed). */
    static void awaitApplication() {
        await("the application to be ready")
                .atMost(Duration.ofSeconds(180))
                .ignoreExceptions()
                .until(() -> {
                    var ready =
                            Api.send(Api.request("/health/ready", null).GET().build());
                    return ready.statusCode() == 200 && ready.body().contains("\"database\"");
                });
    }
}
