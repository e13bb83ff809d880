package org.switchboard.core.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoundedLabelTest {
    @Test
    void keepsTheFirstValuesUpToTheCapAndCountsLaterOnesAsOther() {
        BoundedLabel label = new BoundedLabel(2);

        assertThat(label.of("a")).isEqualTo("a");
        assertThat(label.of("b")).isEqualTo("b");
        assertThat(label.of("c")).isEqualTo(BoundedLabel.OTHER);
        assertThat(label.of("a")).isEqualTo("a");
        assertThat(label.of(null)).isEqualTo("none");
    }
}
