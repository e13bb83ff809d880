package org.switchboard.web.platform;

import org.switchboard.core.platform.InvalidInput;

/**
 * One request field that cannot be acted on as given: answered 400 with the field named in the problem's
 * {@code violations} ({@link InvalidFieldMapper}), as OpenAI names the {@code param} it refuses.
 */
public class InvalidField extends InvalidInput {
    private final String field;

    /** @param field the JSON path of the field, e.g. {@code temperature} or {@code messages[2].role} */
    public InvalidField(String type, String field, String message) {
        super(type, message);
        this.field = field;
    }

    public InvalidField(String field, String message) {
        this("invalid-request", field, message);
    }

    public String field() {
        return field;
    }
}
