package org.switchboard.admin.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** What a view shows while it has nothing to list: what this is for, and the one thing to do first. */
public class EmptyState extends VerticalLayout {
    public EmptyState(String id, String title, String whatToDo, Component... actions) {
        setId(id);
        setAlignItems(Alignment.CENTER);
        setPadding(true);
        getStyle()
                .set("border", "1px dashed var(--lumo-contrast-30pct)")
                .set("border-radius", "var(--lumo-border-radius-l)");
        Paragraph text = new Paragraph(whatToDo);
        text.getStyle()
                .set("color", "var(--lumo-secondary-text-color)")
                .set("max-width", "40em")
                .set("text-align", "center");
        add(new H3(title), text);
        add(actions);
    }
}
