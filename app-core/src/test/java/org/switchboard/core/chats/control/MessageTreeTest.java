package org.switchboard.core.chats.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.core.chats.entity.Message;

class MessageTreeTest {
    // u1 ─ a1 ─┬─ u2  ─ a2
    //          └─ u2b ─┬─ a2b
    //                  └─ a2c
    private final Message u1 = user(1, null);
    private final Message a1 = answer(2, 1);
    private final Message u2 = user(3, 2L);
    private final Message a2 = answer(4, 3);
    private final Message u2b = user(5, 2L);
    private final Message a2b = answer(6, 5);
    private final Message a2c = answer(7, 5);
    private final MessageTree tree = new MessageTree(List.of(a2c, u1, a1, u2, a2, u2b, a2b));

    @Test
    void thePathRunsFromTheRootToTheMessage() {
        assertThat(tree.pathTo(7L)).containsExactly(u1, a1, u2b, a2c);
        assertThat(tree.pathTo(4L)).containsExactly(u1, a1, u2, a2);
        assertThat(tree.pathTo(null)).isEmpty();
        assertThat(tree.pathTo(99L)).isEmpty();
    }

    @Test
    void siblingsAreTheChildrenOfTheSameParentOldestFirst() {
        assertThat(tree.siblingsOf(u2b)).containsExactly(u2, u2b);
        assertThat(tree.siblingsOf(a2b)).containsExactly(a2b, a2c);
        assertThat(tree.siblingsOf(u1)).containsExactly(u1);
    }

    @Test
    void aLeafIsReachedByTheNewestChildAtEachStep() {
        assertThat(tree.leafFrom(u1)).isEqualTo(a2c);
        assertThat(tree.leafFrom(u2)).isEqualTo(a2);
        assertThat(tree.leafFrom(a2b)).isEqualTo(a2b);
    }

    static Message user(long id, Long parent) {
        return Message.user(id, "t", 100, parent, "question " + id, "sim", null);
    }

    static Message answer(long id, long parent) {
        return Message.answer(id, "t", 100, parent, "sim", 1000 + id);
    }
}
