package org.switchboard.core.chats.boundary;

import org.switchboard.core.platform.InvalidInput;

/**
 * A message cannot go where it was asked to: a user message goes under an answer (or at the root), and only an
 * answer is regenerated; problem type {@code invalid-parent}.
 */
public class InvalidParent extends InvalidInput {
    public InvalidParent(String message) {
        super("invalid-parent", message);
    }
}
