package org.switchboard.core.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreTimeOrderedAndUnique() {
        long previous = Ids.next();
        for (int i = 0; i < 10_000; i++) {
            long next = Ids.next();
            assertThat(next).isGreaterThan(previous);
            previous = next;
        }
    }

    @Test
    void parsingAcceptsOnlyDecimalIds() {
        assertThat(Ids.parse("911946076988353309")).isEqualTo(OptionalLong.of(911946076988353309L));
        assertThat(Ids.parse("12a")).isEmpty();
        assertThat(Ids.parse("")).isEmpty();
        assertThat(Ids.parse(null)).isEmpty();
        assertThat(Ids.parse("99999999999999999999")).isEmpty();
        assertThat(Ids.parse("-5")).isEmpty();
    }
}
