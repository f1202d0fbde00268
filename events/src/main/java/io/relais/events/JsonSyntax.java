package io.relais.events;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how a text fails to be JSON, in words a person can act on ("it ends before the object is closed (line 1,
 * column 17)"). The parser's own message is only classified, never quoted: it names Java types, parser features and
 * internal source descriptions.
 */
public final class JsonSyntax {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private JsonSyntax() {
    }

    /** What is wrong and where, e.g. {@code it ends before the object is closed (line 1, column 17)}. */
    public static String describe(JsonProcessingException e) {
        return what(String.valueOf(e.getOriginalMessage())) + where(e.getLocation());
    }

    /** The field an object gives twice, if that is the failure (parsers with strict duplicate detection). */
    public static Optional<String> duplicateField(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String what(String parserMessage) {
        String m = parserMessage;
        if (m.contains("end-of-input")) {
            if (m.contains("for Object") || m.contains("Object entries")) return "it ends before the object is closed";
            if (m.contains("for Array") || m.contains("Array entries")) return "it ends before the array is closed";
            if (m.contains("comment")) return "it ends inside a comment";
            if (m.contains("string value") || m.contains("VALUE_STRING") || m.contains("name")) return "it ends inside a text";
            return "it ends too early";
        }
        if (m.contains("start field name")) return "a field name must be a text in double quotes";
        if (m.contains("colon to separate")) return "a colon (:) must follow a field name";
        if (m.contains("separate Object entries")) return "a comma (,) or a closing brace (}) must follow a field's value";
        if (m.contains("separate Array entries")) return "a comma (,) or a closing bracket (]) must follow an array item";
        if (m.contains("close marker")) return "a brace or bracket is closed that is not the one open here";
        if (m.contains("comment")) return "comments are not allowed in JSON";
        if (m.contains("white space")) return "only spaces, tabs and line breaks may stand between values";
        if (m.contains("has to be escaped")) return "a text holds a control character (a line break, a tab…) that must be escaped";
        if (m.contains("character escape")) return "a text holds an escape sequence JSON does not know";
        if (m.contains("UTF-8") || m.contains("UTF8") || m.contains("encoding")) return "it is not UTF-8 text";
        if (m.contains("numeric value") || m.contains("Leading zeroes") || m.contains("Non-standard token")) {
            return "a number is not written as JSON writes numbers";
        }
        if (m.contains("Unrecognized token") || m.contains("valid value") || m.contains("Unexpected character")) {
            return "a value must be a text in double quotes, a number, an object, an array, true, false or null";
        }
        return "it is not JSON at this point";
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
