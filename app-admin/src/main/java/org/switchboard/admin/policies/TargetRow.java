package org.switchboard.admin.policies;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Set;
import org.switchboard.admin.shell.FieldErrors;

/** One target of the policy form: provider, upstream model, weight, priority and prices per 1k tokens. */
class TargetRow extends HorizontalLayout {
    private final TargetDraft draft;
    private final BeanValidationBinder<TargetDraft> binder = new BeanValidationBinder<>(TargetDraft.class);

    TargetRow(int index, TargetDraft draft, List<String> providers, Runnable remove) {
        this.draft = draft;
        ComboBox<String> provider = new ComboBox<>("Provider");
        provider.setItems(providers);
        provider.setId("target-provider-" + index);
        TextField model = new TextField("Upstream model");
        model.setId("target-model-" + index);
        IntegerField weight = new IntegerField("Weight");
        weight.setId("target-weight-" + index);
        weight.setWidth("6em");
        IntegerField priority = new IntegerField("Priority");
        priority.setId("target-priority-" + index);
        priority.setWidth("6em");
        priority.setPlaceholder(Integer.toString(index + 1));
        BigDecimalField input = new BigDecimalField("In $/1k");
        input.setId("target-input-price-" + index);
        input.setWidth("7em");
        BigDecimalField output = new BigDecimalField("Out $/1k");
        output.setId("target-output-price-" + index);
        output.setWidth("7em");
        binder.forField(provider).asRequired("choose a provider").bind("provider");
        binder.forField(model).asRequired("must not be empty").bind("model");
        binder.forField(weight).bind("weight");
        binder.forField(priority).bind("priority");
        binder.forField(input).bind("inputPricePer1k");
        binder.forField(output).bind("outputPricePer1k");
        binder.readBean(draft);
        Button drop = new Button(VaadinIcon.TRASH.create(), click -> remove.run());
        drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        drop.setTooltipText("Remove this target");
        setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(provider, model, weight, priority, input, output, drop);
    }

    /** Writes the fields into the draft; false (fields marked) when one is invalid. */
    boolean write() {
        try {
            binder.writeBean(draft);
            return true;
        } catch (ValidationException invalid) {
            return false;
        }
    }

    String showViolations(Set<ConstraintViolation<?>> violations) {
        return FieldErrors.show(binder, violations, "");
    }
}
