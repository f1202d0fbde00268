package io.relais.kit.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The field a 400 names for a Bean Validation path: the caller's body, never Java's names for its parts. */
class ProblemMappersTest {

    @Test
    void aListElementIsNamedByItsIndexAlone() {
        assertThat(ProblemMappers.field("put.request.communities[0].<list element>")).isEqualTo("communities[0]");
        assertThat(ProblemMappers.field("put.request.matrix[0].<list element>[1].<list element>")).isEqualTo("matrix[0][1]");
        assertThat(ProblemMappers.field("put.request.labels[fr].<map value>")).isEqualTo("labels[fr]");
    }

    @Test
    void theMethodAndParameterAreDroppedAndNestedFieldsKept() {
        assertThat(ProblemMappers.field("createPost.request.content")).isEqualTo("content");
        assertThat(ProblemMappers.field("createPost.request.poll.options[2].label")).isEqualTo("poll.options[2].label");
        assertThat(ProblemMappers.field("search.q")).isEqualTo("q");
    }
}
