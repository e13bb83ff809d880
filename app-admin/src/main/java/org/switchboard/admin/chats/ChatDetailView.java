package org.switchboard.admin.chats;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import org.switchboard.admin.security.SignedIn;
import org.switchboard.admin.shell.MainLayout;
import org.switchboard.admin.shell.Times;
import org.switchboard.core.chats.boundary.ChatNotFound;
import org.switchboard.core.chats.boundary.Chats;
import org.switchboard.core.chats.entity.ChatDetail;
import org.switchboard.core.chats.entity.MessageView;
import org.switchboard.core.tenants.entity.Caller;

/**
 * One chat, read-only: its active branch root to leaf, each message with its role, status, model and run, and
 * where the tree branches (a message with siblings shows which of them it is). Another tenant's chat, typed into
 * the address bar, reads exactly like one that does not exist.
 */
@Route(value = "chats/:id", layout = MainLayout.class)
@PageTitle("Chat · Switchboard")
public class ChatDetailView extends VerticalLayout implements BeforeEnterObserver {
    private final Chats chats;

    @Inject
    public ChatDetailView(Chats chats) {
        this.chats = chats;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        removeAll();
        add(new RouterLink("← All chats", ChatsView.class));
        Caller caller = SignedIn.caller();
        try {
            ChatDetail detail = chats.find(caller, id);
            H2 title = new H2(
                    detail.chat().title() == null ? "Chat " + id : detail.chat().title());
            title.setId("chat-title");
            add(
                    title,
                    new Paragraph(
                            "Chat " + id + " of " + chats.visible(caller, id).ownerId() + " · created "
                                    + Times.format(detail.chat().createdAt()) + " · updated "
                                    + Times.format(detail.chat().updatedAt())
                                    + (detail.chat().generating() ? " · generating" : "")));
            add(messages(detail));
        } catch (ChatNotFound notFound) {
            Paragraph missing = new Paragraph("No chat with id '" + id + "' in tenant " + caller.tenant()
                    + ". It may belong to another tenant, or the id is mistyped; find it in the list of chats.");
            missing.setId("chat-not-found");
            add(missing);
        }
    }

    private static Grid<MessageView> messages(ChatDetail detail) {
        Grid<MessageView> grid = new Grid<>();
        grid.setId("messages-grid");
        grid.addColumn(view -> view.message().role().name().toLowerCase(java.util.Locale.ROOT))
                .setHeader("Role")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(view -> view.message().content()).setHeader("Message").setFlexGrow(1);
        grid.addColumn(view -> view.message().status().wireName())
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addColumn(view -> view.siblingIds().size() < 2
                        ? ""
                        : "branch " + (view.siblingIndex() + 1) + " of "
                                + view.siblingIds().size())
                .setHeader("Tree")
                .setAutoWidth(true);
        grid.addColumn(view ->
                        view.message().model() == null ? "" : view.message().model())
                .setHeader("Model")
                .setAutoWidth(true);
        grid.addColumn(view -> view.message().runId() == null
                        ? ""
                        : Long.toString(view.message().runId()))
                .setHeader("Run")
                .setAutoWidth(true);
        grid.addColumn(view -> Times.format(view.message().createdAt()))
                .setHeader("At")
                .setAutoWidth(true);
        grid.setItems(detail.messages());
        return grid;
    }
}
