package org.switchboard.admin.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.switchboard.admin.runs.RunsView;
import org.switchboard.admin.security.SignedIn;

/** Header with the operator's name and sign-out; a side navigation with one entry per view. */
public class MainLayout extends AppLayout {
    public MainLayout() {
        String operator = SignedIn.operator().map(o -> o.username()).orElse("");
        Button signOut = new Button("Sign out", click -> {
            SignedIn.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/admin/login"));
        });
        signOut.setId("sign-out");
        var header = new HorizontalLayout(new DrawerToggle(), new H2("Switchboard"), new Span(operator), signOut);
        header.setDefaultVerticalComponentAlignment(HorizontalLayout.Alignment.CENTER);
        header.setWidthFull();
        header.expand(header.getComponentAt(1));
        addToNavbar(header);
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Runs", RunsView.class));
        nav.addItem(new SideNavItem("Metrics", org.switchboard.admin.metrics.MetricsView.class));
        addToDrawer(nav);
    }
}
