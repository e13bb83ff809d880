package org.switchboard.admin.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.core.accounts.entity.Operator;
import org.switchboard.core.tenants.boundary.TenantDirectory;

/**
 * The console's frame: a header with the signed-in operator, the tenant it acts for (a platform operator picks
 * it here) and the time zone times are shown in; a side navigation with every section. Entries name routes by
 * path, so a section's view lives in its own package and the frame needs none of them.
 */
public class MainLayout extends AppLayout {
    @Inject
    public MainLayout(TenantDirectory tenants) {
        Operator operator = SignedIn.operator().orElse(null);
        addToNavbar(header(operator, tenants));
        addToDrawer(navigation(operator != null && operator.platform()));
        setPrimarySection(Section.DRAWER);
    }

    private static HorizontalLayout header(Operator operator, TenantDirectory tenants) {
        H2 title = new H2("Switchboard");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        List<Component> parts = new ArrayList<>(List.of(new DrawerToggle(), title));
        if (operator != null) {
            parts.add(
                    operator.platform() ? tenantChoice(tenants) : badge("tenant-name", "Tenant " + operator.tenant()));
            parts.add(badge("zone", "Times in " + SignedIn.zone().getId()));
            parts.add(badge(
                    "operator-name",
                    operator.username() + (operator.platform() ? " · platform admin" : " · tenant admin")));
        }
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), click -> {
            SignedIn.signOut();
            click.getSource().getUI().ifPresent(ui -> ui.getPage().setLocation("/admin/login"));
        });
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        parts.add(signOut);
        HorizontalLayout header = new HorizontalLayout(parts.toArray(Component[]::new));
        header.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
        header.setWidthFull();
        header.setPadding(true);
        header.expand(title);
        return header;
    }

    /** A platform operator acts for one tenant at a time; choosing another reloads the page in its scope. */
    private static Component tenantChoice(TenantDirectory tenants) {
        ComboBox<String> choice = new ComboBox<>();
        choice.setId("tenant-choice");
        choice.setPlaceholder("tenant");
        choice.setTooltipText("The tenant you act for: its providers, policies, runs and audit rows");
        List<String> known = new ArrayList<>(tenants.known(SignedIn.caller()));
        if (!known.contains(SignedIn.tenant())) {
            known.add(0, SignedIn.tenant());
        }
        choice.setItems(known);
        choice.setValue(SignedIn.tenant());
        choice.setAllowCustomValue(true);
        choice.addCustomValueSetListener(custom -> choose(choice, custom.getDetail()));
        choice.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                choose(choice, change.getValue());
            }
        });
        HorizontalLayout labelled = new HorizontalLayout(new Span("Acting for"), choice);
        labelled.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
        return labelled;
    }

    private static void choose(ComboBox<String> choice, String tenant) {
        if (tenant == null || tenant.isBlank() || tenant.strip().equals(SignedIn.tenant())) {
            return;
        }
        SignedIn.actFor(tenant.strip());
        choice.getUI().ifPresent(ui -> ui.getPage().reload());
    }

    private static Span badge(String id, String text) {
        Span badge = new Span(text);
        badge.setId(id);
        badge.getElement().getThemeList().add("badge contrast");
        return badge;
    }

    private static SideNav navigation(boolean platform) {
        SideNav nav = new SideNav();
        nav.setId("side-nav");
        nav.addItem(
                item("Runs", "runs", VaadinIcon.PLAY_CIRCLE),
                item("Chats", "chats", VaadinIcon.CHAT),
                item("Providers and keys", "providers", VaadinIcon.CONNECT),
                item("Routing policies", "policies", VaadinIcon.SITEMAP),
                item("Webhook deliveries", "deliveries", VaadinIcon.PAPERPLANE),
                item("Audit log", "audit", VaadinIcon.RECORDS),
                item("Tenants and users", "tenants", VaadinIcon.GROUP),
                item("Metrics", "metrics", VaadinIcon.CHART));
        if (platform) {
            nav.addItem(item("Operators", "operators", VaadinIcon.USER_STAR));
        }
        return nav;
    }

    private static SideNavItem item(String label, String path, VaadinIcon icon) {
        SideNavItem item = new SideNavItem(label, path, icon.create());
        item.setId("nav-" + path);
        return item;
    }
}
