package org.switchboard.admin.chats;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.EmptyState;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.chats.boundary.Chats;
import org.switchboard.core.chats.entity.ChatView;
import org.switchboard.core.tenants.entity.Caller;

/**
 * The newest chats of the tenant the operator acts for, with their owners; a user's name finds that user's chats
 * (asked of the database, however old), a title filters what is shown; open one to see its messages. Read-only.
 */
@Route(value = "chats", layout = MainLayout.class)
@PageTitle("Chats · Switchboard")
public class ChatsView extends VerticalLayout {
    static final int LIMIT = 200;

    /** A chat and its owner, as the list shows it. */
    record ChatRow(ChatView chat, String owner) {}

    private final Grid<ChatRow> grid = new Grid<>();
    private final TextField user = new TextField("User");
    private final TextField title = new TextField("Title");
    private final Chats chats;
    private List<ChatRow> rows;

    @Inject
    public ChatsView(Chats chats) {
        this.chats = chats;
        Caller caller = SignedIn.caller();
        rows = load(null);
        user.setId("chats-user");
        title.setId("chats-title");
        for (TextField filter : List.of(user, title)) {
            filter.setClearButtonVisible(true);
        }
        // a user's chats are asked of the database (they may be older than the newest LIMIT); a title among them
        user.addValueChangeListener(change -> {
            rows = load(user.getValue().strip());
            show();
        });
        title.addValueChangeListener(change -> show());
        grid.setId("chats-grid");
        grid.addColumn(row -> Long.toString(row.chat().id())).setHeader("Chat").setAutoWidth(true);
        grid.addColumn(ChatRow::owner).setHeader("User").setAutoWidth(true);
        grid.addColumn(row -> row.chat().title()).setHeader("Title").setFlexGrow(1);
        grid.addColumn(row -> row.chat().generating() ? "generating" : "")
                .setHeader("State")
                .setAutoWidth(true);
        grid.addColumn(row -> Times.format(row.chat().createdAt()))
                .setHeader("Created")
                .setAutoWidth(true);
        grid.addColumn(row -> Times.format(row.chat().updatedAt()))
                .setHeader("Updated")
                .setAutoWidth(true);
        grid.addItemClickListener(click -> getUI().ifPresent(ui -> ui.navigate(
                ChatDetailView.class,
                new RouteParameters("id", Long.toString(click.getItem().chat().id())))));
        EmptyState empty = new EmptyState(
                "chats-empty",
                "No chats in tenant " + caller.tenant(),
                "A chat appears here once a user of the tenant creates one (POST /api/v1/chats). A platform admin"
                        + " sees the chats of the tenant chosen in the header.");
        empty.setVisible(rows.isEmpty());
        HorizontalLayout filters = new HorizontalLayout(user, title, new Span("The newest " + LIMIT + " chats"));
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(filters, empty, grid);
        setSizeFull();
        show();
    }

    /** The newest {@link #LIMIT} chats of the tenant, or of one of its users ({@code owner} not blank). */
    private List<ChatRow> load(String owner) {
        Caller caller = SignedIn.caller();
        var page = owner == null || owner.isEmpty()
                ? chats.list(caller, null, LIMIT, true)
                : chats.listOf(caller, owner, null, LIMIT);
        return page.chats().stream()
                .map(chat -> new ChatRow(
                        chat, chats.visible(caller, Long.toString(chat.id())).ownerId()))
                .toList();
    }

    private void show() {
        String byUser = user.getValue().strip();
        String byTitle = title.getValue().strip().toLowerCase(java.util.Locale.ROOT);
        grid.setItems(rows.stream()
                .filter(row -> byUser.isEmpty() || row.owner().equals(byUser))
                .filter(row -> byTitle.isEmpty()
                        || row.chat().title() != null
                                && row.chat()
                                        .title()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .contains(byTitle))
                .toList());
    }
}
