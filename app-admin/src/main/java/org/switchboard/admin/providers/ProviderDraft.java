package org.switchboard.admin.providers;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.StringReader;
import org.switchboard.core.routing.boundary.ProviderRequest;
import org.switchboard.core.routing.boundary.ProviderResponse;
import org.switchboard.core.routing.boundary.RoutingName;

/**
 * What the provider form edits, checked field by field by its {@code BeanValidationBinder} with the admin API's
 * own name rule; {@code Providers} checks the whole request again (a dialect's URL and settings) when it is saved.
 */
public class ProviderDraft {
    @NotNull
    @RoutingName
    private String name = "";

    @NotBlank
    private String kind = "openai";

    @Size(max = 2048)
    private String baseUrl = "";

    private String settings = "{}";
    private boolean enabled = true;
    private boolean global;

    static ProviderDraft of(ProviderResponse provider) {
        ProviderDraft draft = new ProviderDraft();
        draft.name = provider.name();
        draft.kind = provider.kind();
        draft.baseUrl = provider.baseUrl() == null ? "" : provider.baseUrl();
        draft.settings =
                provider.settings() == null ? "{}" : provider.settings().toString();
        draft.enabled = provider.enabled();
        draft.global = "global".equals(provider.scope());
        return draft;
    }

    ProviderRequest request() {
        return new ProviderRequest(
                name,
                kind,
                baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip(),
                settingsJson(),
                enabled,
                global ? "global" : "tenant");
    }

    /** The settings text as a JSON object; the form refuses text that is not one before it gets here. */
    JsonObject settingsJson() {
        if (settings == null || settings.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (var reader = Json.createReader(new StringReader(settings))) {
            return reader.readObject();
        }
    }

    static boolean isJsonObject(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            reader.readObject();
            return true;
        } catch (RuntimeException notAnObject) {
            return false;
        }
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getSettings() {
        return settings;
    }

    public void setSettings(String settings) {
        this.settings = settings;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isGlobal() {
        return global;
    }

    public void setGlobal(boolean global) {
        this.global = global;
    }
}
