package org.switchboard.core.routing.control;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.switchboard.core.keys.KeyVault;
import org.switchboard.core.keys.MasterKeys;
import org.switchboard.core.platform.Ids;
import org.switchboard.core.platform.SchemaReady;
import org.switchboard.core.providers.control.Simulator;
import org.switchboard.core.routing.entity.Provider;
import org.switchboard.core.routing.entity.ProviderKey;
import org.switchboard.core.routing.entity.ResilienceSettings;
import org.switchboard.core.routing.entity.RoutingPolicy;
import org.switchboard.core.routing.entity.Strategy;
import org.switchboard.core.routing.entity.Target;

/**
 * Seeds global routing configuration that does not exist yet, once the schema is ready: the built-in
 * simulator with aliases {@code sim}, {@code sim-fast} and {@code sim-slow}
 * ({@code switchboard.routing.seed-simulator}), and an OpenAI-compatible provider from
 * {@code switchboard.providers.openai.*} with one alias per listed model (its key sealed under the master
 * key). Existing rows are never touched: after the first start the admin API owns the configuration.
 */
@ApplicationScoped
public class RoutingSeeder {
    private static final Logger LOG = Logger.getLogger(RoutingSeeder.class.getName());

    @Inject
    RoutingStore store;

    @Inject
    RoutingTable table;

    @Inject
    KeyVault vault;

    @Inject
    @ConfigProperty(name = "switchboard.routing.seed-simulator")
    boolean seedSimulator;

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.base-url")
    Optional<String> openAiBaseUrl;

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.api-key")
    Optional<String> openAiKey;

    @Inject
    @ConfigProperty(name = "switchboard.providers.openai.models")
    Optional<String> openAiModels;

    void seed(@Observes @Priority(100) SchemaReady ready) {
        try {
            if (seedSimulator && !store.globalProviderExists("simulator")) {
                seed("simulator", "simulator", null, null, Simulator.SCRIPTS);
            }
            if (openAiBaseUrl.isPresent() && !store.globalProviderExists("openai")) {
                List<String> models = Arrays.stream(openAiModels.orElse("").split(","))
                        .map(String::strip)
                        .filter(m -> !m.isEmpty())
                        .toList();
                seed(
                        "openai",
                        "openai",
                        openAiBaseUrl.get(),
                        openAiKey.filter(k -> !k.isBlank()).orElse(null),
                        models);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Seeding routing configuration failed (another instance may have done it)", e);
        }
        table.reload();
    }

    /**
     * The simulator's aliases make one attempt: a fault a client injects with {@code X-Simulator-*} headers reaches
     * it as is, at once (a policy of its own exercises retries). Other seeded aliases take the defaults.
     */
    private void seed(String name, String kind, String baseUrl, String apiKey, List<String> aliases) {
        ResilienceSettings resilience = "simulator".equals(kind)
                ? new ResilienceSettings(1, null, null, null, null, null, null)
                : ResilienceSettings.DEFAULTS;
        List<Object> rows = new ArrayList<>();
        Provider provider = new Provider(Ids.next(), null, name, kind, baseUrl, JsonValue.EMPTY_JSON_OBJECT);
        rows.add(provider);
        if (apiKey != null) {
            if (!vault.configured()) {
                LOG.warning("switchboard.providers.openai.api-key is set but no master key is: the key is not stored");
            } else {
                ProviderKey key = new ProviderKey(Ids.next(), provider.id(), null, "seeded", MasterKeys.mask(apiKey));
                key.seal(vault.seal(apiKey, key.id()), vault.currentId());
                rows.add(key);
            }
        }
        for (String alias : aliases) {
            List<Target> targets = List.of(new Target(name, alias, null, 1, 1, BigDecimal.ZERO, BigDecimal.ZERO));
            rows.add(new RoutingPolicy(Ids.next(), null, alias, Strategy.PRIORITY, targets, resilience));
        }
        store.persistAll(rows);
        LOG.info("Seeded provider '" + name + "' with aliases " + aliases);
    }
}
