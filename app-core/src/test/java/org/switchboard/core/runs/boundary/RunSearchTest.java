package org.switchboard.core.runs.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunSearchTest {
    @Test
    void anErrorClassMatchesTheProblemTypeOfTheErrorEventOnly() {
        assertThat(RunSearch.errorTypePattern("deadline-exceeded"))
                .isEqualTo("%\"type\":\"urn:switchboard:problem:deadline-exceeded\"%");
    }

    @Test
    void likeWildcardsInAnErrorClassAreEscaped() {
        assertThat(RunSearch.errorTypePattern("a%b_c\\"))
                .isEqualTo("%\"type\":\"urn:switchboard:problem:a\\%b\\_c\\\\\"%");
    }
}
