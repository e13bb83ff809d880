package org.switchboard.admin.policies;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import jakarta.validation.ConstraintViolation;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.switchboard.admin.shell.FieldErrors;

/**
 * Creates or edits one routing policy: alias, strategy, targets, resilience (retries, back-off, breaker, 429
 * rest) and the deadlines of the runs it routes (first token, gap, total); blank keeps the instance default.
 * Checks its fields and fires {@link SaveEvent}, {@link DeleteEvent} or {@link CloseEvent}; the view saves, and
 * hands a refusal back with {@link #showViolations}.
 */
public class PolicyForm extends VerticalLayout {
    private final BeanValidationBinder<PolicyDraft> binder = new BeanValidationBinder<>(PolicyDraft.class);
    private final PolicyDraft draft;
    private final List<String> providers;
    private final VerticalLayout targetRows = new VerticalLayout();
    private final List<TargetRow> rows = new ArrayList<>();
    private final boolean existing;

    public PolicyForm(PolicyDraft draft, List<String> providers, boolean existing, boolean mayChooseGlobal) {
        this.draft = draft;
        this.providers = providers;
        this.existing = existing;
        setId("policy-form");
        setPadding(false);
        TextField alias = new TextField("Model alias");
        alias.setId("policy-alias");
        alias.setHelperText("What clients send as \"model\"");
        Select<String> strategy = new Select<>();
        strategy.setId("policy-strategy");
        strategy.setLabel("Strategy");
        strategy.setItems("priority", "weighted", "latency", "cost");
        Checkbox enabled = new Checkbox("Enabled");
        Checkbox global = new Checkbox("Global: every tenant's default for this alias");
        global.setId("policy-global");
        global.setVisible(mayChooseGlobal);
        global.setEnabled(!existing);
        binder.forField(alias).asRequired("must not be empty").bind("alias");
        binder.forField(strategy).asRequired("choose a strategy").bind("strategy");
        binder.forField(enabled).bind("enabled");
        binder.forField(global).bind("global");
        binder.readBean(draft);
        targetRows.setPadding(false);
        draft.targets.forEach(this::addRow);
        Button addTarget = new Button("Add target", VaadinIcon.PLUS.create(), click -> addRow(new TargetDraft()));
        addTarget.setId("add-target");
        add(
                new H3(existing ? "Edit policy" : "New policy"),
                new FormLayout(alias, strategy, enabled, global),
                new H4("Targets"),
                targetRows,
                addTarget,
                resilience(),
                deadlines(),
                buttons());
        if (draft.targets.isEmpty()) {
            addRow(new TargetDraft());
        }
    }

    private Details resilience() {
        IntegerField attempts = new IntegerField("Attempts per target");
        attempts.setId("policy-max-attempts");
        IntegerField backoff = new IntegerField("Back-off (ms)");
        NumberField multiplier = new NumberField("Back-off multiplier");
        NumberField jitter = new NumberField("Jitter (0-1)");
        IntegerField failures = new IntegerField("Breaker: failures to open");
        IntegerField coolDown = new IntegerField("Breaker: cool-down (ms)");
        IntegerField quota = new IntegerField("Rest after 429 (ms)");
        binder.forField(attempts).bind("maxAttempts");
        binder.forField(backoff).withConverter(toLong()).bind("backoffMillis");
        binder.forField(multiplier).bind("multiplier");
        binder.forField(jitter).bind("jitter");
        binder.forField(failures).bind("breakerFailures");
        binder.forField(coolDown).withConverter(toLong()).bind("breakerCoolDownMillis");
        binder.forField(quota).withConverter(toLong()).bind("quotaCoolDownMillis");
        binder.readBean(draft);
        Details details = new Details(
                "Retries and breaker",
                new FormLayout(attempts, backoff, multiplier, jitter, failures, coolDown, quota));
        details.setOpened(true);
        return details;
    }

    /**
     * The deadlines of the runs the policy routes, fixed when a run starts; a blank one is the instance's
     * ({@code switchboard.runs.deadline.*}), shown as the field's helper so a policy's retries can fit them.
     */
    private Details deadlines() {
        IntegerField firstToken = deadline("First token (ms)", "policy-first-token-ms", "first-token", "PT60S");
        IntegerField gap = deadline("Gap between tokens (ms)", "policy-gap-ms", "gap", "PT30S");
        IntegerField total = deadline("Total (ms)", "policy-total-ms", "total", "PT10M");
        binder.forField(firstToken).withConverter(toLong()).bind("firstTokenMillis");
        binder.forField(gap).withConverter(toLong()).bind("gapMillis");
        binder.forField(total).withConverter(toLong()).bind("totalMillis");
        binder.readBean(draft);
        Details details = new Details("Deadlines", new FormLayout(firstToken, gap, total));
        details.setId("policy-deadlines");
        details.setOpened(true);
        return details;
    }

    private static IntegerField deadline(String label, String id, String setting, String fallback) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setHelperText("Blank: the instance's " + setting(setting, fallback));
        return field;
    }

    private static String setting(String name, String fallback) {
        String value = ConfigProvider.getConfig()
                .getOptionalValue("switchboard.runs.deadline." + name, String.class)
                .orElse(fallback);
        try {
            return Duration.parse(value).toSeconds() + " s";
        } catch (DateTimeParseException unparsable) {
            return value;
        }
    }

    private static Converter<Integer, Long> toLong() {
        return Converter.from(
                (Integer i) -> i == null ? null : i.longValue(),
                (Long l) -> l == null ? null : l.intValue(),
                failure -> "must be a whole number");
    }

    private void addRow(TargetDraft target) {
        if (!draft.targets.contains(target)) {
            draft.targets.add(target);
        }
        TargetRow row = new TargetRow(rows.size(), target, providers, () -> removeRow(target));
        rows.add(row);
        targetRows.add(row);
    }

    private void removeRow(TargetDraft target) {
        int index = draft.targets.indexOf(target);
        draft.targets.remove(index);
        targetRows.remove(rows.remove(index));
    }

    private HorizontalLayout buttons() {
        Button save = new Button("Save", click -> save());
        save.setId("policy-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button delete = new Button("Delete", click -> fireEvent(new DeleteEvent(this)));
        delete.setId("policy-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(existing);
        Button close = new Button("Close", click -> fireEvent(new CloseEvent(this)));
        return new HorizontalLayout(save, delete, close);
    }

    private void save() {
        boolean valid = rows.stream().map(TargetRow::write).reduce(true, Boolean::logicalAnd);
        try {
            binder.writeBean(draft);
            if (valid) {
                fireEvent(new SaveEvent(this, draft, existing));
            }
        } catch (ValidationException invalid) {
            // the binders mark the fields; nothing is saved
        }
    }

    /** A boundary's refusal on the fields it names (a target's on its row); answers what no field took. */
    public String showViolations(Set<ConstraintViolation<?>> violations) {
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            String prefix = "targets[" + i + "]";
            Set<ConstraintViolation<?>> own = violations.stream()
                    .filter(v -> v.getPropertyPath().toString().startsWith(prefix))
                    .collect(Collectors.toSet());
            append(rest, rows.get(i).showViolations(own));
        }
        Set<ConstraintViolation<?>> policy = violations.stream()
                .filter(v -> !v.getPropertyPath().toString().startsWith("targets["))
                .collect(Collectors.toSet());
        append(rest, FieldErrors.show(binder, policy, ""));
        return rest.toString();
    }

    private static void append(StringBuilder rest, String more) {
        if (!more.isEmpty()) {
            rest.append(rest.length() == 0 ? "" : "; ").append(more);
        }
    }

    public abstract static class PolicyFormEvent extends ComponentEvent<PolicyForm> {
        PolicyFormEvent(PolicyForm source) {
            super(source, false);
        }
    }

    public static class SaveEvent extends PolicyFormEvent {
        private final PolicyDraft draft;
        private final boolean existing;

        SaveEvent(PolicyForm source, PolicyDraft draft, boolean existing) {
            super(source);
            this.draft = draft;
            this.existing = existing;
        }

        public PolicyDraft draft() {
            return draft;
        }

        public boolean existing() {
            return existing;
        }
    }

    public static class DeleteEvent extends PolicyFormEvent {
        DeleteEvent(PolicyForm source) {
            super(source);
        }
    }

    public static class CloseEvent extends PolicyFormEvent {
        CloseEvent(PolicyForm source) {
            super(source);
        }
    }

    public <T extends ComponentEvent<?>> Registration addListener(Class<T> type, ComponentEventListener<T> listener) {
        return getEventBus().addListener(type, listener);
    }
}
