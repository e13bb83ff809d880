package org.switchboard.core.chats.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitlesTest {
    @Test
    void aTitleIsTheFirstLineCutToEightWordsWithoutQuotes() {
        assertThat(Titles.titleOf("\"Switchboards and durable runs\"\nmore text"))
                .hasValue("Switchboards and durable runs");
        assertThat(Titles.titleOf("one two three four five six seven eight nine ten"))
                .hasValue("one two three four five six seven eight");
        assertThat(Titles.titleOf("x".repeat(200)).orElseThrow()).hasSize(80);
    }

    @Test
    void aBlankOutputGivesNoTitle() {
        assertThat(Titles.titleOf("  \n ")).isEmpty();
        assertThat(Titles.titleOf("\"\"")).isEmpty();
    }
}
