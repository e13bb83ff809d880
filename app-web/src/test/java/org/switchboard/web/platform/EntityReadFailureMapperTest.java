package org.switchboard.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class EntityReadFailureMapperTest {
    /** Named like the MessageBodyReader method Jersey's JSON-B provider fails in. */
    private static ProcessingException readFrom(Throwable cause) {
        return new ProcessingException("Error deserializing object from entity stream.", cause);
    }

    private static ProcessingException writeTo(Throwable cause) {
        return new ProcessingException("Error serializing object to output stream.", cause);
    }

    @Test
    void aBindingFailureWhileReadingTheBodyIsBadInput() {
        assertThat(EntityReadFailureMapper.isUnreadableJson(readFrom(new JsonbException("Unexpected char"))))
                .isTrue();
    }

    @Test
    void aBindingFailureWhileWritingAnAnswerIsOurs() {
        assertThat(EntityReadFailureMapper.isUnreadableJson(writeTo(new JsonbException("cannot serialize"))))
                .isFalse();
    }

    @Test
    void anotherProcessingFailureIsOurs() {
        assertThat(EntityReadFailureMapper.isUnreadableJson(readFrom(new IllegalStateException("no"))))
                .isFalse();
    }
}
