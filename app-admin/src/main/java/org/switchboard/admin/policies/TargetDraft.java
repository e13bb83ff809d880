package org.switchboard.admin.policies;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.switchboard.core.routing.boundary.PolicyTarget;

/** One target row of the policy form: the admin API's {@link PolicyTarget}, as fields edit it. */
public class TargetDraft {
    @NotBlank
    private String provider;

    @NotBlank
    @Size(max = 128)
    private String model;

    @Min(0)
    @Max(1_000_000)
    private Integer weight = 1;

    @Min(0)
    @Max(1_000_000)
    private Integer priority;

    @DecimalMin("0")
    private BigDecimal inputPricePer1k;

    private String key; // a key pinned through the API; the form keeps it

    @DecimalMin("0")
    private BigDecimal outputPricePer1k;

    static TargetDraft of(PolicyTarget target) {
        TargetDraft draft = new TargetDraft();
        draft.provider = target.provider();
        draft.model = target.model();
        draft.key = target.key();
        draft.weight = target.weight();
        draft.priority = target.priority();
        draft.inputPricePer1k = target.inputPricePer1k();
        draft.outputPricePer1k = target.outputPricePer1k();
        return draft;
    }

    PolicyTarget target() {
        return new PolicyTarget(provider, model, key, weight, priority, inputPricePer1k, outputPricePer1k);
    }

    public String getProvider() {
        return provider;
    }

    public void setProvider(String provider) {
        this.provider = provider;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public Integer getPriority() {
        return priority;
    }

    public void setPriority(Integer priority) {
        this.priority = priority;
    }

    public BigDecimal getInputPricePer1k() {
        return inputPricePer1k;
    }

    public void setInputPricePer1k(BigDecimal inputPricePer1k) {
        this.inputPricePer1k = inputPricePer1k;
    }

    public BigDecimal getOutputPricePer1k() {
        return outputPricePer1k;
    }

    public void setOutputPricePer1k(BigDecimal outputPricePer1k) {
        this.outputPricePer1k = outputPricePer1k;
    }
}
