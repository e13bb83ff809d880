package org.switchboard.admin.providers;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.core.routing.boundary.Providers;
import org.switchboard.core.routing.entity.ConnectionTest;

/**
 * "Test connection": a one-token call to the provider with its first active key, and what came of it with the
 * latency. The call is bounded by the boundary (it gives up after 20 s), so waiting for it here is bounded too.
 */
class ConnectionTestPanel extends HorizontalLayout {
    ConnectionTestPanel(Providers providers, String providerId) {
        TextField model = new TextField();
        model.setId("test-model");
        model.setPlaceholder("upstream model, e.g. gpt-4o-mini");
        Span result = new Span();
        result.setId("test-result");
        Button test = new Button("Test connection", VaadinIcon.PLUG.create(), click -> {
            ConnectionTest outcome = await(providers, providerId, model.getValue());
            result.setText(
                    outcome.ok()
                            ? "OK: " + outcome.model() + " answered in " + outcome.latencyMillis() + " ms"
                            : "Failed (" + outcome.type() + ") after " + outcome.latencyMillis() + " ms: "
                                    + outcome.detail());
            result.getElement().getThemeList().clear();
            result.getElement().getThemeList().add(outcome.ok() ? "badge success" : "badge error");
        });
        test.setId("test-connection");
        setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(model, test, result);
    }

    private static ConnectionTest await(Providers providers, String providerId, String model) {
        try {
            return providers
                    .testConnection(SignedIn.caller(), providerId, model)
                    .get(25, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while testing the connection", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The connection test did not finish", e);
        }
    }
}
