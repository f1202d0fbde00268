package io.relais.kit.paging;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Every service's cursors: what was issued reads back as its fields; nothing else does. */
class OpaqueCursorTest {

    @Property(tries = 300)
    void anIssuedCursorReadsBackAsItsPosition(@ForAll long time,
            @ForAll @AlphaChars @NumericChars @Chars({'|', ':', 'é', '/'}) String post) {
        String token = OpaqueCursor.encode("t1", time, post);

        assertThat(OpaqueCursor.decode(token, "t1", 2)).containsExactly(String.valueOf(time), post);
        assertThat(token).matches("[A-Za-z0-9_-]*"); // safe in a query string as it is
    }

    @Property(tries = 200)
    void anotherKindOrShapeIsNotACursor(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String post) {
        String token = OpaqueCursor.encode("t1", 42, post);

        assertThat(OpaqueCursor.decode(token, "r1", 2)).isNull();
        assertThat(OpaqueCursor.decode(token, "t1", 3)).isNull();
        assertThat(OpaqueCursor.decode(OpaqueCursor.encode("t1", 42), "t1", 2)).isNull();
    }

    @Test
    void onlyTheIssuedSpellingIsRead() {
        String token = OpaqueCursor.encode("p1", "alice"); // "p1|alice": 8 bytes, so base64 pads it
        String padded = Base64.getUrlEncoder().encodeToString("p1|alice".getBytes(StandardCharsets.UTF_8));

        assertThat(OpaqueCursor.decode(token, "p1", 1)).containsExactly("alice");
        assertThat(padded).isNotEqualTo(token);
        assertThat(OpaqueCursor.decode(padded, "p1", 1)).isNull();
        assertThat(OpaqueCursor.decode("not base64!", "p1", 1)).isNull();
        assertThat(OpaqueCursor.decode(null, "p1", 1)).isNull();
        assertThat(OpaqueCursor.decode(" ", "p1", 1)).isNull();
    }

    @Test
    void theLastFieldKeepsItsSeparators() {
        String token = OpaqueCursor.encode("d", 1, "urn:relais:post:a|b");

        assertThat(OpaqueCursor.decode(token, "d", 2)).containsExactly("1", "urn:relais:post:a|b");
    }
}
