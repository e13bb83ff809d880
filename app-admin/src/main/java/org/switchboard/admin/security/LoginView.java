package org.switchboard.admin.security;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.switchboard.core.accounts.boundary.AdminAccounts;

/** Sign-in of console operators. */
@Route("login")
@PageTitle("Sign in · Switchboard")
public class LoginView extends VerticalLayout {
    private final AdminAccounts accounts;
    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final Span error = new Span();
    private ZoneId zone = ZoneId.of("UTC");

    @Inject
    public LoginView(AdminAccounts accounts) {
        this.accounts = accounts;
        username.setId("username");
        password.setId("password");
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button signIn = new Button("Sign in", click -> signIn());
        signIn.setId("sign-in");
        signIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        setAlignItems(Alignment.CENTER);
        add(new H1("Switchboard console"), username, password, signIn, error);
        username.focus();
        // The browser's zone, so the console shows times where the operator is.
        addAttachListener(attach -> attach.getUI().getPage().retrieveExtendedClientDetails(details -> {
            try {
                zone = ZoneId.of(details.getTimeZoneId());
            } catch (DateTimeException | NullPointerException unknown) {
                zone = ZoneId.of("UTC");
            }
        }));
    }

    private void signIn() {
        accounts.authenticate(username.getValue(), password.getValue())
                .ifPresentOrElse(
                        operator -> {
                            // A fresh session id after sign-in: no session fixation.
                            VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
                            SignedIn.set(operator, zone);
                            getUI().ifPresent(ui -> ui.navigate("runs"));
                        },
                        () -> {
                            password.clear();
                            error.setText("Unknown username or wrong password");
                        });
    }
}
