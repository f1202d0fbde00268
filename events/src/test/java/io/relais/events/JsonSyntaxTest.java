package io.relais.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person is told about a text that is not JSON: what is wrong and where, never the parser's own words. */
class JsonSyntaxTest {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static JsonProcessingException failure(String text) {
        try {
            JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("read as JSON: " + text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"userName\":\"a\"            | it ends before the object is closed (line 1, column 16)",
            "[1, 2                          | it ends before the array is closed (line 1, column 6)",
            "{\"a\":\"b                     | it ends inside a text (line 1, column 8)",
            "{\"a\" \"b\"}                  | a colon (:) must follow a field name (line 1, column 6)",
            "{a:1}                          | a field name must be a text in double quotes (line 1, column 2)",
            "{'a':1}                        | a field name must be a text in double quotes (line 1, column 2)",
            "{\"a\":1 \"b\":2}              | a comma (,) or a closing brace (}) must follow a field's value (line 1, column 8)",
            "[1 2]                          | a comma (,) or a closing bracket (]) must follow an array item (line 1, column 4)",
            "{\"a\":nope}                   | a value must be a text in double quotes, a number, an object, an array, true, false or null (line 1, column 10)",
            "{\"a\":1]                      | a brace or bracket is closed that is not the one open here (line 1, column 7)",
            "{\"a\":01}                     | a number is not written as JSON writes numbers (line 1, column 7)",
    })
    void aBrokenTextIsDescribedInWordsWithItsPlace(String text, String description) {
        assertThat(JsonSyntax.describe(failure(text))).isEqualTo(description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1", "{\"a\" 1}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\q\"}", "/* c */ {}", "{\"a\":NaN}",
            "{\"a\":1,}", "\u0001", "{\"a\":[}"})
    void noDescriptionQuotesTheParser(String text) {
        assertThat(JsonSyntax.describe(failure(text)))
                .doesNotContain("Source", "REDACTED", "StreamReadFeature", "marker", "code", "Feature", "token", "java");
    }

    @org.junit.jupiter.api.Test
    void aFieldGivenTwiceIsNamed() {
        assertThat(JsonSyntax.duplicateField(failure("{\"userName\":\"a\",\"userName\":\"b\"}"))).hasValue("userName");
        assertThat(JsonSyntax.duplicateField(failure("{\"a\":"))).isEmpty();
    }
}
