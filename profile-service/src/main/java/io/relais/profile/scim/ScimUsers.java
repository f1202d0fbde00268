package io.relais.profile.scim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relais.events.TextHygiene;
import io.relais.profile.person.Person;
import io.relais.profile.person.ProfileField;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps profiles to SCIM 2.0 User resources (core schema + enterprise extension) and back, and applies
 * PATCH operations to the resource representation (RFC 7644 §3.5.2), which is then stored like a PUT.
 */
public final class ScimUsers {

    public static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    /** Strict like every other request body: an attribute given twice is refused, not "last one wins". */
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern FILTERED = Pattern.compile("(\\w+)\\[(\\w+) eq \"([^\"]*)\"](?:\\.(\\w+))?");
    /** RFC 7643 §2.1 ATTRNAME (ALPHA *(nameChar)), or {@code $ref}: what may follow the one dot of a path. */
    private static final Pattern SUB_ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|\\$ref");
    private static final List<String> ATTRIBUTES = List.of("userName", "externalId", "displayName", "name", "title",
            "emails", "addresses", "active", "department", "manager", "phoneNumbers", "locale", "nickName");

    private ScimUsers() {
    }

    /**
     * What a SCIM client may set, read from a User resource. {@code hrValues} holds {@link ProfileField#STATUS} only
     * when the resource says {@code active} (true or false): an omitted {@code active} changes no one's status.
     */
    public record ScimUser(String userName, String externalId, Map<ProfileField, String> hrValues) {
    }

    public static ObjectNode toScim(Person p, String location) {
        ObjectNode u = JSON.createObjectNode();
        u.putArray("schemas").add(CORE).add(ENTERPRISE);
        u.put("id", p.login);
        if (p.externalId != null) u.put("externalId", p.externalId);
        u.put("userName", p.login);
        if (p.displayName != null) {
            u.putObject("name").put("formatted", p.displayName);
            u.put("displayName", p.displayName);
        }
        if (p.title != null) u.put("title", p.title);
        if (p.email != null) u.putArray("emails").addObject().put("value", p.email).put("type", "work").put("primary", true);
        if (p.location != null) u.putArray("addresses").addObject().put("type", "work").put("locality", p.location);
        u.put("active", p.isActive());
        ObjectNode ext = u.putObject(ENTERPRISE);
        if (p.department != null) ext.put("department", p.department);
        if (p.managerLogin != null) ext.putObject("manager").put("value", p.managerLogin).put("$ref", "../Users/" + p.managerLogin);
        ObjectNode meta = u.putObject("meta");
        meta.put("resourceType", "User");
        if (p.createdAt != null) meta.put("created", p.createdAt.toString());
        if (p.updatedAt != null) meta.put("lastModified", p.updatedAt.toString());
        meta.put("location", location);
        meta.put("version", "W/\"" + p.version + "\"");
        return u;
    }

    public static ScimUser fromScim(JsonNode u) {
        if (u == null || !u.isObject()) throw new ScimException(400, "invalidSyntax", "the body must be a SCIM User object");
        Map<ProfileField, String> v = new LinkedHashMap<>();
        JsonNode schemas = u.get("schemas");
        if (schemas != null && !schemas.isNull()) {
            if (!schemas.isArray()) throw ScimException.invalidValue("schemas must be an array of schema URIs");
            for (int i = 0; i < schemas.size(); i++) string(schemas.get(i), "schemas[" + i + "]");
        }
        String displayName = string(u.get("displayName"), "displayName");
        JsonNode name = u.get("name");
        if (name != null && !name.isNull() && !name.isObject()) throw ScimException.invalidValue("name must be an object");
        if (name != null && name.isObject()) {
            // every sub-attribute is checked, even those the display name does not need
            String formatted = string(name.get("formatted"), "name.formatted");
            String given = string(name.get("givenName"), "name.givenName");
            String family = string(name.get("familyName"), "name.familyName");
            if (displayName == null) {
                displayName = formatted != null ? formatted
                        : given == null ? family : family == null ? given : given + " " + family;
            }
        }
        v.put(ProfileField.DISPLAY_NAME, displayName);
        v.put(ProfileField.EMAIL, pick(u.get("emails"), "emails", "value"));
        v.put(ProfileField.TITLE, string(u.get("title"), "title"));
        v.put(ProfileField.LOCATION, pick(u.get("addresses"), "addresses", "locality"));
        JsonNode ext = u.get(ENTERPRISE);
        if (ext != null && !ext.isNull() && !ext.isObject()) throw ScimException.invalidValue(ENTERPRISE + " must be an object");
        String department = null;
        String manager = null;
        if (ext != null && ext.isObject()) {
            department = string(ext.get("department"), ENTERPRISE + ":department");
            JsonNode m = ext.get("manager");
            // RFC 7643 §4.3 makes manager complex ({"value": login}); a bare string is read as the login too, because
            // Microsoft Entra ID's provisioning sends it so in its PATCH operations
            manager = m == null ? null : m.isObject() ? string(m.get("value"), ENTERPRISE + ":manager.value") : string(m, ENTERPRISE + ":manager");
        }
        v.put(ProfileField.DEPARTMENT, department);
        v.put(ProfileField.MANAGER, manager);
        JsonNode active = u.get("active");
        if (active != null && !active.isNull() && !active.isBoolean()) {
            throw ScimException.invalidValue("active must be true or false");
        }
        // whether someone works here is HR's lifecycle fact: only an explicit value changes it. An omitted (or null)
        // active leaves the status as it is on a replace, so a leaver comes back only when HR says active: true;
        // a new user is active (ScimResource.create)
        if (active != null && !active.isNull()) v.put(ProfileField.STATUS, active.asBoolean() ? Person.ACTIVE : Person.LEFT);
        return new ScimUser(string(u.get("userName"), "userName"), string(u.get("externalId"), "externalId"), v);
    }

    /** Applies a PatchOp request to {@code user} in place. */
    public static void patch(ObjectNode user, JsonNode request) {
        if (request == null || !request.isObject() || !contains(request.get("schemas"), PATCH_OP)) {
            throw new ScimException(400, "invalidSyntax", "a PATCH body must be a PatchOp message (schemas: [\"" + PATCH_OP + "\"])");
        }
        JsonNode ops = request.has("Operations") ? request.get("Operations") : request.get("operations");
        if (ops == null || !ops.isArray() || ops.isEmpty()) {
            throw new ScimException(400, "invalidSyntax", "Operations must be a non-empty list");
        }
        for (JsonNode op : ops) {
            String kind = text(op.get("op"));
            kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
            if (!List.of("add", "replace", "remove").contains(kind)) {
                throw new ScimException(400, "invalidSyntax", "op must be add, replace or remove");
            }
            String path = text(op.get("path"));
            JsonNode value = op.get("value");
            if (path == null) {
                if (kind.equals("remove")) throw new ScimException(400, "noTarget", "remove needs a path");
                if (value == null || !value.isObject()) throw ScimException.invalidValue("an operation without path needs an object value");
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    apply(user, kind, e.getKey(), e.getValue());
                }
            } else {
                if (!kind.equals("remove") && value == null) throw ScimException.invalidValue(kind + " of " + path + " needs a value");
                apply(user, kind, path, value);
            }
        }
    }

    private static void apply(ObjectNode user, String kind, String path, JsonNode value) {
        ObjectNode root = user;
        String rest = path;
        if (path.toLowerCase(Locale.ROOT).startsWith(ENTERPRISE.toLowerCase(Locale.ROOT))) {
            rest = path.substring(ENTERPRISE.length());
            if (rest.startsWith(":")) {
                root = objectAt(user, ENTERPRISE, path);
                rest = rest.substring(1);
            } else if (rest.isEmpty() && value != null && value.isObject()) {
                ObjectNode ext = objectAt(user, ENTERPRISE, path);
                final ObjectNode target = ext;
                value.fields().forEachRemaining(e -> apply(target, kind, e.getKey(), e.getValue()));
                return;
            } else {
                throw new ScimException(400, "invalidPath", "unsupported path " + path);
            }
        } else if (path.toLowerCase(Locale.ROOT).startsWith(CORE.toLowerCase(Locale.ROOT) + ":")) {
            rest = path.substring(CORE.length() + 1);
        }
        Matcher filtered = FILTERED.matcher(rest);
        if (filtered.matches()) {
            String array = attribute(filtered.group(1), path);
            ArrayNode items = arrayAt(root, array, path);
            ObjectNode match = null;
            for (JsonNode item : items) {
                if (item.isObject() && filtered.group(3).equals(text(item.get(filtered.group(2))))) match = (ObjectNode) item;
            }
            String sub = filtered.group(4);
            if (kind.equals("remove")) {
                if (match == null) return;
                if (sub == null) items.remove(indexOf(items, match));
                else match.remove(sub);
                return;
            }
            if (match == null) {
                match = items.addObject().put(filtered.group(2), filtered.group(3));
            }
            if (sub == null) {
                if (!value.isObject()) throw ScimException.invalidValue(path + " needs an object value");
                match.setAll((ObjectNode) value);
            } else {
                match.set(sub, value);
            }
            return;
        }
        String[] parts = rest.split("\\.", 2);
        String attr = attribute(parts[0], path);
        if (parts.length == 2 && !SUB_ATTRIBUTE.matcher(parts[1]).matches()) {
            // RFC 7644 §3.5.2: attrPath = [URI ":"] ATTRNAME *1subAttr, one sub-attribute at most (name.formatted.x is
            // malformed; it had been stored as a key "formatted.x" nobody reads, and answered 200)
            throw new ScimException(400, "invalidPath", "malformed path " + path + ": an attribute and at most one "
                    + "sub-attribute (e.g. name.formatted)");
        }
        if (kind.equals("remove")) {
            if (parts.length == 1) root.remove(attr);
            else if (root.get(attr) instanceof ObjectNode o) o.remove(parts[1]);
            return;
        }
        if (parts.length == 1) {
            root.set(attr, value);
        } else {
            objectAt(root, attr, path).set(parts[1], value);
        }
    }

    /**
     * The complex attribute {@code attr} of {@code root}, started when absent. One an earlier operation made a plain
     * value or a list cannot hold a sub-attribute: 400 invalidValue naming it (Jackson would throw, a 500).
     */
    private static ObjectNode objectAt(ObjectNode root, String attr, String path) {
        JsonNode n = root.get(attr);
        if (n instanceof ObjectNode o) return o;
        if (n != null && !n.isNull()) throw ScimException.invalidValue(path + ": " + attr + " must be an object to hold a sub-attribute");
        return root.putObject(attr);
    }

    /** The multi-valued attribute {@code attr} of {@code root}, started when absent; anything else but a list: 400 naming it. */
    private static ArrayNode arrayAt(ObjectNode root, String attr, String path) {
        JsonNode n = root.get(attr);
        if (n instanceof ArrayNode a) return a;
        if (n != null && !n.isNull()) throw ScimException.invalidValue(path + ": " + attr + " must be a list to be filtered");
        return root.putArray(attr);
    }

    private static String attribute(String name, String path) {
        return ATTRIBUTES.stream().filter(a -> a.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new ScimException(400, "invalidPath", "unsupported attribute in path " + path));
    }

    private static int indexOf(ArrayNode items, JsonNode item) {
        for (int i = 0; i < items.size(); i++) if (items.get(i) == item) return i;
        return -1;
    }

    private static boolean contains(JsonNode array, String value) {
        if (array == null || !array.isArray()) return false;
        for (JsonNode n : array) if (value.equals(n.asText())) return true;
        return false;
    }

    /**
     * The primary entry's attribute, else the first entry's. A multi-valued attribute is a list of objects (RFC 7643
     * §2.4) whose {@code primary} is a boolean: anything else is refused naming it (400 invalidValue), never read as
     * "no value", which would clear the field on a PUT.
     */
    private static String pick(JsonNode multi, String multiName, String attribute) {
        if (multi == null || multi.isNull()) return null;
        if (!multi.isArray()) throw ScimException.invalidValue(multiName + " must be a list of objects");
        if (multi.isEmpty()) return null;
        for (int i = 0; i < multi.size(); i++) {
            JsonNode n = multi.get(i);
            if (!n.isObject()) throw ScimException.invalidValue(multiName + "[" + i + "] must be an object");
            JsonNode primary = n.get("primary");
            if (primary != null && !primary.isNull() && !primary.isBoolean()) {
                throw ScimException.invalidValue(multiName + "[" + i + "].primary must be true or false");
            }
        }
        JsonNode chosen = multi.get(0);
        for (JsonNode n : multi) if (n.path("primary").asBoolean(false)) chosen = n;
        return string(chosen.get(attribute), multiName + "." + attribute);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    /**
     * A provisioned string attribute, cleaned by the shared input-hygiene rule ({@link TextHygiene#line}:
     * NFC, no control, bidi or zero-width characters) before it is validated or stored. A number or a
     * boolean where SCIM defines a string is refused (400 invalidValue naming the attribute), not converted.
     */
    static String string(JsonNode n, String attribute) {
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) {
            throw ScimException.invalidValue(attribute + " must be a string");
        }
        return TextHygiene.line(n.textValue());
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
