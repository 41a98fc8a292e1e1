package org.backtrack.devstack;

import org.backtrack.devstack.ApiDocuments.Operation;
import org.backtrack.devstack.ApiDocuments.Parameter;
import org.backtrack.events.Identifiers;
import org.backtrack.events.SessionEventValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.backtrack.testsupport.TestDefaults.JSON;

/**
 * Requests for a documented operation, derived from its OpenAPI description and varied the way a careless or hostile
 * client would: path parameters (valid ids, hostile, very long, unicode, empty), query parameters (wrong types,
 * extreme numbers, bad dates, repeated, unknown), headers (If-Match, Content-Type, Accept, huge) and JSON bodies built
 * from the request schema or example and then mutated (fields missing, null, of the wrong type, at and beyond the
 * contract's limits, deeply nested, extra, invalid JSON, empty). Every request follows from its seed alone, so a
 * failing one can be generated again.
 */
final class ApiFuzzer {

    /** What the fuzzer needs to know of the running suite. */
    interface Fixtures {
        /** A value the service would accept for a path or query parameter or body field of that name, or null. */
        String valid(Operation op, String name, SplittableRandom random);

        /** The current ETag of the resource a write names, or null. */
        String etag(String id);

        /** Callers to choose from (account or client names, {@code none}, {@code garbage}). */
        Callers callers(Operation op);

        /** The Authorization header of a caller, or null for none. */
        String authorization(String caller, SplittableRandom random);
    }

    /** Those holding a role the operation declares, and everybody else. */
    record Callers(List<String> declared, List<String> others) {
    }

    /** One generated call; {@code target} is the encoded path and query. */
    record Request(long seed, String method, String target, List<Map.Entry<String, String>> headers, byte[] body,
                   String caller, List<String> variations) {

        String describe() {
            String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + shorten(target, 200) + " as " + caller + " [" + String.join("; ", variations) + "]"
                    + (body == null ? "" : " body(" + body.length + " B): " + shorten(text, 300));
        }
    }

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    /** Path segments as an attacker sends them, already percent-encoded where a raw character would not be a URI. */
    static final List<String> HOSTILE_SEGMENTS = List.of("x%7C", ".%2A", "%28%3F%3Aa%7Cb%29", "%5B", "%5C", "a%2Fb", "a%00",
            "..", "%2E%2E", "%252e%252e", ".", "%2e", "%3B", "a%3Bb", "a;b=c", "%24where", "%7B%22%24gt%22%3A%22%22%7D", "%27",
            "%22", "%3Cscript%3E", "*", "%0D%0ASet-Cookie%3Ax", "%C0%AE", "%FF", "%", "%zz", "patient-01%00", "~", "-", "_",
            "clinic-demo.", ".clinic-demo", "a..b", "null", "undefined", "0", "-1", "9999999999999999999999");
    static final List<String> UNICODE = List.of("пациент-01", "患者", "😀", "\u202Epatient", "e\u0301", "ﬁ", "İ",
            "\u200B", "\uFEFF", "\u0000", "ß", "\u00A0", "𝔭𝔞𝔱𝔦𝔢𝔫𝔱", "١٢٣");
    static final List<String> HOSTILE_STRINGS = List.of("'", "\"", "\\", "{\"$gt\":\"\"}", "$where", "../../etc/passwd",
            "<script>alert(1)</script>", "%00", "*", ".*", "(", "[", "a|b", "^$", "${jndi:ldap://x}", "#{1+1}", "\r\n",
            "null", "true", "[]", "{}", "NaN", "-0", "1e309", "0x1F");
    static final List<String> NUMBERS = List.of("-1", "0", "1", "100", "101", "500", "501", "2147483647", "2147483648",
            "-2147483649", "9223372036854775808", "1e3", "1.5", "0x10", "NaN", "Infinity", "", " 5", "5 ", "+5", "٣",
            "١٠٠٠٠٠٠٠٠٠٠", "00000000000000000000001", "9".repeat(400));
    static final List<String> DATES = List.of("2026-13-45", "2026-02-30", "0000-01-01", "-999999999-01-01",
            "+999999999-12-31", "9999-12-31", "1970-01-01", "2026-11-20T07:31:00Z", "yesterday", "2026-1-1", "20261120",
            "2026-11-20T25:61:61Z", "1e10", "-1", "", "2026-W47", "+10000-01-01T00:00:00Z", "1900-01-01T00:00:00+18:00");
    static final List<String> IF_MATCH = List.of("\"1\"", "*", "\"*\"", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"",
            "\"abc\"", "1", "\"\"", "\"1\", \"2\"", "\"", "W/", "\"0\"", "\"2147483648\"", "\" 1\"", "\"1.0\"", "null",
            "\"" + "9".repeat(5000) + "\"");
    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "application/json; charset=utf-16",
            "application/json; charset=bogus", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=x", "", "application/merge-patch+json", "*/*", "application/json;;",
            "APPLICATION/JSON", "application/cloudevents+json", "application/json; charset=ISO-8859-1", "json",
            "application/vnd.api+json", "text/html");
    static final List<String> ACCEPTS = List.of("application/xml", "text/html", "application/problem+json", "*/*;q=abc",
            "application/json;q=0", "image/png", "/////", "", "text/event-stream", "application/*", "application/json, */*;q=0.1");
    static final List<Map.Entry<String, String>> ODD_HEADERS = List.of(Map.entry("X-Forwarded-For", "999.1.1.1, ::g, x"),
            Map.entry("X-Forwarded-Host", "evil.example:99999"), Map.entry("X-Forwarded-Proto", "gopher"),
            Map.entry("X-Forwarded-Prefix", "/../../"), Map.entry("Forwarded", "for=\"[::1\";proto=x;host=\""),
            Map.entry("Cookie", "SESSION=" + "A".repeat(40) + "; JSESSIONID=%%%"), Map.entry("Accept-Language", "xx-ÿ;q=2,*;q=-1"),
            Map.entry("Content-Encoding", "gzip"), Map.entry("Range", "bytes=9999999999999999999-1"),
            Map.entry("X-HTTP-Method-Override", "DELETE"), Map.entry("Origin", "null"), Map.entry("Accept-Charset", "utf-99"),
            Map.entry("If-None-Match", "\"x\""), Map.entry("If-Modified-Since", "yesterday"), Map.entry("Traceparent", "00-zz-zz-zz"));
    static final List<String> EXTRA_FIELD_NAMES = List.of("extra", "_id", "_class", "$set", "$where", "__proto__", "@class",
            "@type", "constructor", "", "a.b", "clinicId", "patientId", "x".repeat(300), "ключ", "id", "version", "retired",
            "createdAt", "eventId", "publication", "specversion", "data");

    private final Fixtures fixtures;

    ApiFuzzer(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** A call seed from the run's seed, the operation and the try, spread so neighbouring tries differ wholly. */
    static long seedOf(long runSeed, Operation op, int attempt) {
        return new SplittableRandom(runSeed ^ (long) op.key().hashCode() * 0x9E3779B97F4A7C15L ^ attempt * 0xBF58476D1CE4E5B9L).nextLong();
    }

    /** What a request gets wrong; the rest of it is as valid as the fixtures can make it. */
    enum Fault { CALLER, PATH, QUERY, CONTENT_TYPE, IF_MATCH, HEADER, BODY }

    Request generate(Operation op, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> variations = new ArrayList<>();
        java.util.EnumSet<Fault> faults = faults(op, random);
        Callers callers = fixtures.callers(op);
        String caller = faults.contains(Fault.CALLER) && !callers.others().isEmpty() ? pick(random, callers.others())
                : pick(random, callers.declared());
        String target = path(op, faults.contains(Fault.PATH), random, variations) + query(op, faults.contains(Fault.QUERY), random, variations);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String authorization = fixtures.authorization(caller, random);
        if (authorization != null) {
            headers.add(Map.entry("Authorization", authorization));
        }
        byte[] body = op.hasBody() || faults.contains(Fault.BODY) ? body(op, faults.contains(Fault.BODY), random, variations) : null;
        if (body != null) {
            if (!faults.contains(Fault.CONTENT_TYPE)) {
                headers.add(Map.entry("Content-Type", "application/json"));
            } else if (random.nextInt(10) > 0) {
                String type = pick(random, CONTENT_TYPES);
                headers.add(Map.entry("Content-Type", type));
                variations.add("Content-Type " + type);
            } else {
                variations.add("no Content-Type");
            }
        }
        ifMatch(op, target, faults.contains(Fault.IF_MATCH), random, headers, variations);
        if (faults.contains(Fault.HEADER)) {
            header(random, headers, variations);
        }
        return new Request(seed, op.method(), target, List.copyOf(headers), body, caller, List.copyOf(variations));
    }

    /** None for a fifth of the calls (valid requests reach the deepest code), mostly one, up to three. */
    private static java.util.EnumSet<Fault> faults(Operation op, SplittableRandom random) {
        List<Fault> applicable = new ArrayList<>(List.of(Fault.CALLER, Fault.QUERY, Fault.IF_MATCH, Fault.HEADER, Fault.BODY));
        if (op.path().contains("{")) {
            applicable.add(Fault.PATH);
            applicable.add(Fault.PATH); // ids are what a service looks things up by: twice the weight
        }
        if (op.hasBody()) {
            applicable.add(Fault.CONTENT_TYPE);
            applicable.add(Fault.BODY);
            applicable.add(Fault.BODY);
        }
        int roll = random.nextInt(100);
        int count = roll < 20 ? 0 : roll < 75 ? 1 : roll < 90 ? 2 : 3;
        java.util.EnumSet<Fault> faults = java.util.EnumSet.noneOf(Fault.class);
        for (int i = 0; i < count; i++) {
            faults.add(pick(random, applicable));
        }
        return faults;
    }

    // --- path and query -----------------------------------------------------------------------------------------

    private String path(Operation op, boolean fault, SplittableRandom random, List<String> variations) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(op.path());
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        String corrupted = fault && !names.isEmpty() ? pick(random, names) : null;
        StringBuilder path = new StringBuilder();
        matcher.reset();
        while (matcher.find()) {
            String name = matcher.group(1);
            String valid = fixtures.valid(op, name, random);
            String value = name.equals(corrupted) || valid == null ? pathFault(name, valid, random, variations) : encode(valid);
            matcher.appendReplacement(path, java.util.regex.Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String pathFault(String name, String valid, SplittableRandom random, List<String> variations) {
        int kind = random.nextInt(100);
        String value;
        if (kind < 35) {
            value = pick(random, HOSTILE_SEGMENTS);
            variations.add(name + " hostile " + shorten(value, 40));
            return value;
        } else if (kind < 52) {
            int length = pick(random, List.of(Identifiers.MAX_LENGTH, Identifiers.MAX_LENGTH + 1, 1024, 5000, 9000));
            value = "fuzz-" + "a".repeat(length - 5);
            variations.add(name + " of " + length + " chars");
        } else if (kind < 72) {
            value = pick(random, UNICODE);
            variations.add(name + " unicode");
        } else if (kind < 80) {
            variations.add(name + " empty");
            return "";
        } else {
            value = valid == null ? "fuzz" : switch (random.nextInt(4)) {
                case 0 -> valid.toUpperCase();
                case 1 -> valid + " ";
                case 2 -> " " + valid;
                default -> valid + "/";
            };
            variations.add(name + " near-valid '" + value + "'");
            return value.endsWith("/") ? encode(value.substring(0, value.length() - 1)) + "/" : encode(value);
        }
        return encode(value);
    }

    private String query(Operation op, boolean fault, SplittableRandom random, List<String> variations) {
        List<String> pairs = new ArrayList<>();
        List<Parameter> documented = op.in("query");
        for (Parameter parameter : documented) {
            String valid = random.nextInt(100) < 40 ? fixtures.valid(op, parameter.name(), random) : null;
            if (valid != null) { // a parameter without a known valid value (a cursor not seen yet) is left out
                pairs.add(encode(parameter.name()) + "=" + encode(valid));
            }
        }
        if (!fault) {
            return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
        }
        int kind = random.nextInt(100);
        if (kind < 55 && !documented.isEmpty()) {
            Parameter parameter = pick(random, documented);
            String value = switch (random.nextInt(6)) {
                case 0, 1 -> pick(random, NUMBERS);
                case 2 -> pick(random, DATES);
                case 3 -> pick(random, HOSTILE_STRINGS);
                case 4 -> pick(random, UNICODE);
                default -> "x".repeat(pick(random, List.of(101, 1000, 4000)));
            };
            pairs.removeIf(pair -> pair.startsWith(encode(parameter.name()) + "="));
            pairs.add(encode(parameter.name()) + "=" + encode(value));
            if (random.nextInt(4) == 0) {
                pairs.add(encode(parameter.name()) + "=" + encode(pick(random, NUMBERS)));
                variations.add("repeated " + parameter.name());
            }
            variations.add(parameter.name() + "=" + shorten(value, 40));
        } else if (kind < 80) {
            String name = pick(random, List.of("unknown", "page", "sort", "limit", "clinicId", "patientId", "debug", "_", "a[b]", "%00"));
            pairs.add(encode(name) + "=" + encode(pick(random, HOSTILE_STRINGS)));
            variations.add("unknown param " + name);
        } else {
            String raw = pick(random, List.of("size", "&&&=", "=", "%zz=1", "size=%", "size=%u0041", "cursor=" + "A".repeat(6000),
                    "q=" + "x".repeat(3000), "from&to", "#fragment", "a=1;b=2", "size=1&size=2&size=3"));
            pairs.add(raw);
            variations.add("raw query " + shorten(raw, 30));
        }
        return "?" + String.join("&", pairs);
    }

    // --- headers ------------------------------------------------------------------------------------------------

    private void ifMatch(Operation op, String target, boolean fault, SplittableRandom random, List<Map.Entry<String, String>> headers,
                         List<String> variations) {
        boolean documented = op.parameters().stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("If-Match"));
        if (!fault) {
            if (documented) {
                String etag = fixtures.etag(lastSegment(target));
                headers.add(Map.entry("If-Match", etag == null ? "\"0\"" : etag));
            }
            return;
        }
        if (documented && random.nextInt(6) == 0) {
            variations.add("no If-Match");
            return;
        }
        String value = pick(random, IF_MATCH);
        headers.add(Map.entry("If-Match", value));
        variations.add("If-Match " + shorten(value, 30));
    }

    private static void header(SplittableRandom random, List<Map.Entry<String, String>> headers, List<String> variations) {
        int kind = random.nextInt(3);
        if (kind == 0) {
            String value = pick(random, ACCEPTS);
            headers.add(Map.entry("Accept", value));
            variations.add("Accept " + value);
        } else if (kind == 1) {
            int size = pick(random, List.of(1000, 6000, 9000, 40000));
            headers.add(Map.entry("X-Fuzz-Padding", "p".repeat(size)));
            variations.add("header of " + size + " chars");
        } else {
            var header = pick(random, ODD_HEADERS);
            headers.add(header);
            variations.add(header.getKey() + ": " + shorten(header.getValue(), 30));
        }
    }

    private static String lastSegment(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // --- bodies -------------------------------------------------------------------------------------------------

    private byte[] body(Operation op, boolean fault, SplittableRandom random, List<String> variations) {
        if (!op.hasBody()) {
            variations.add("body on an operation without one");
            return utf8(JSON.writeValueAsString(NODES.objectNode().put("patientId", "fuzz").put("x", 1)));
        }
        JsonNode baseline = baseline(op, random);
        if (!fault) {
            return utf8(JSON.writeValueAsString(baseline));
        }
        int kind = random.nextInt(100);
        if (kind < 6) {
            variations.add("no body");
            return null;
        }
        if (kind < 28) {
            return raw(baseline, random, variations);
        }
        int mutations = kind < 80 ? 1 : 2;
        JsonNode body = baseline;
        for (int i = 0; i < mutations; i++) {
            body = mutate(body, random, variations);
        }
        byte[] bytes = utf8(writeNested(JSON.writeValueAsString(body)));
        if (bytes.length > MAX_BODY_BYTES) {
            variations.add("(body over " + MAX_BODY_BYTES + " B: sent the baseline)");
            return utf8(JSON.writeValueAsString(baseline));
        }
        return bytes;
    }

    /** The documented example, else a value built from the schema; then every field the fixtures know made valid. */
    JsonNode baseline(Operation op, SplittableRandom random) {
        JsonNode base = op.bodyExample() != null ? op.bodyExample().deepCopy() : fromSchema(op.bodySchema(), null, random);
        if (base instanceof ObjectNode object) {
            fixUp(op, object, random);
        }
        return base;
    }

    private void fixUp(Operation op, ObjectNode object, SplittableRandom random) {
        for (String name : List.copyOf(object.propertyNames())) {
            JsonNode value = object.get(name);
            if (name.equals("clinicId")) {
                object.remove(name); // the caller's clinic; may be left out
            } else if (value instanceof ObjectNode nested) {
                fixUp(op, nested, random);
            } else if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof ObjectNode nested) {
                        fixUp(op, nested, random);
                    } else {
                        String valid = fixtures.valid(op, name, random);
                        if (valid != null) {
                            array.set(i, NODES.stringNode(valid));
                        }
                    }
                }
            } else {
                String valid = fixtures.valid(op, name, random);
                if (valid != null) {
                    object.put(name, valid);
                }
            }
        }
    }

    /** The schema's type; of OpenAPI 3.1's list of types ({@code ["integer", "null"]}) the first that is not null. */
    static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (!one.asString().equals("null")) {
                    return one.asString();
                }
            }
        }
        return type.isString() ? type.asString() : "object";
    }

    JsonNode fromSchema(JsonNode schema, String name, SplittableRandom random) {
        if (schema == null) {
            return NODES.objectNode();
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size()));
        }
        String type = typeOf(schema);
        String format = schema.path("format").asString("");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (var property : schema.path("properties").properties()) {
                    object.set(property.getKey(), fromSchema(property.getValue(), property.getKey(), random));
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(fromSchema(schema.get("items"), name, random));
            case "integer" -> NODES.numberNode(schema.has("default") ? schema.get("default").asInt() : 1 + random.nextInt(10));
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> {
                if (schema.has("default")) {
                    yield NODES.stringNode(schema.get("default").asString());
                }
                yield NODES.stringNode(switch (format) {
                    case "date-time" -> Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
                    case "date" -> LocalDate.now(ZoneOffset.UTC).toString();
                    default -> "fuzz";
                });
            }
        };
    }

    /** One change to one node of the tree (the root included); answers the new root. */
    JsonNode mutate(JsonNode root, SplittableRandom random, List<String> variations) {
        List<Location> locations = new ArrayList<>();
        locations.add(new Location(null, null, -1, root, "$"));
        collect(root, "$", locations);
        Location at = locations.get(locations.size() == 1 ? 0 : 1 + random.nextInt(locations.size() - 1));
        int kind = random.nextInt(100);
        JsonNode replacement;
        String what;
        if (kind < 12 && at.parent() != null) {
            at.remove();
            variations.add("removed " + at.path());
            return root;
        } else if (kind < 22) {
            replacement = NODES.nullNode();
            what = "null";
        } else if (kind < 36) {
            replacement = pick(random, List.<JsonNode>of(NODES.numberNode(0), NODES.numberNode(-1), NODES.booleanNode(true),
                    NODES.stringNode(""), NODES.stringNode("x"), NODES.arrayNode(), NODES.objectNode(),
                    NODES.arrayNode().add(NODES.arrayNode()), NODES.objectNode().set("a", NODES.objectNode())));
            what = "wrong type " + replacement;
        } else if (kind < 52) {
            String text = string(random);
            replacement = NODES.stringNode(text);
            what = "string " + describeString(text);
        } else if (kind < 64) {
            replacement = number(random);
            what = "number " + shorten(replacement.toString(), 30);
        } else if (kind < 72) {
            int count = pick(random, List.of(0, SessionEventValidator.MAX_EXERCISES, SessionEventValidator.MAX_EXERCISES + 1,
                    1000, 20000));
            JsonNode element = at.node().isArray() && !at.node().isEmpty() ? at.node().get(0) : NODES.stringNode("cat-cow");
            ArrayNode array = NODES.arrayNode();
            for (int i = 0; i < count; i++) {
                array.add(element.deepCopy());
            }
            replacement = array;
            what = "array of " + count;
        } else if (kind < 77) {
            int depth = pick(random, List.of(64, 600, 2000, 20000));
            // written in as text: the tree's own writer refuses to nest that deep
            replacement = NODES.stringNode(NESTED + depth + (random.nextBoolean() ? "a" : "o"));
            what = "nested " + depth + " deep";
        } else if (kind < 88) {
            ObjectNode target = at.node() instanceof ObjectNode object ? object : root instanceof ObjectNode object ? object : null;
            if (target != null) {
                String name = pick(random, EXTRA_FIELD_NAMES);
                JsonNode value = pick(random, List.<JsonNode>of(NODES.stringNode("fuzz"), NODES.numberNode(1), NODES.nullNode(),
                        NODES.objectNode().put("$gt", ""), NODES.arrayNode().add(1), NODES.stringNode("clinic-riverside")));
                target.set(name, value);
                variations.add("extra field " + shorten(name, 20) + "=" + value);
                return root;
            }
            replacement = NODES.stringNode("fuzz");
            what = "string fuzz";
        } else {
            String current = at.node().isString() ? at.node().asString() : "BASIC";
            String text = switch (random.nextInt(6)) {
                case 0 -> current.toLowerCase();
                case 1 -> current + " ";
                case 2 -> "UNKNOWN_VALUE";
                case 3 -> pick(random, DATES);
                case 4 -> Instant.now().plus(pick(random, List.of(1L, 400L, 100_000L)), ChronoUnit.DAYS).toString();
                default -> Instant.now().minus(pick(random, List.of(31L, 400L, 40_000L)), ChronoUnit.DAYS).toString();
            };
            replacement = NODES.stringNode(text);
            what = "near-valid '" + shorten(text, 40) + "'";
        }
        variations.add(at.path() + " := " + what);
        if (at.parent() == null) {
            return replacement;
        }
        at.replace(replacement);
        return root;
    }

    /** Where a node sits: in an object under a name, or in an array at an index (or the root). */
    record Location(JsonNode parent, String name, int index, JsonNode node, String path) {
        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(name);
            } else if (parent instanceof ArrayNode array) {
                array.remove(index);
            }
        }

        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(name, value);
            } else if (parent instanceof ArrayNode array) {
                array.set(index, value);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Location> locations) {
        if (node instanceof ObjectNode object) {
            for (var property : object.properties()) {
                String at = path + "." + property.getKey();
                locations.add(new Location(object, property.getKey(), -1, property.getValue(), at));
                collect(property.getValue(), at, locations);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < Math.min(array.size(), 3); i++) {
                String at = path + "[" + i + "]";
                locations.add(new Location(array, null, i, array.get(i), at));
                collect(array.get(i), at, locations);
            }
        }
    }

    private static String string(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "fuzz-" + "s".repeat(pick(random, List.of(Identifiers.MAX_LENGTH, Identifiers.MAX_LENGTH + 1,
                    SessionEventValidator.MAX_NOTES_LENGTH, SessionEventValidator.MAX_NOTES_LENGTH + 1,
                    SessionEventValidator.MAX_EVENT_BYTES, 300_000)) - 5);
            case 1 -> pick(random, UNICODE);
            case 2 -> pick(random, HOSTILE_STRINGS);
            default -> pick(random, List.of("", " ", "\t", "\n", "a"));
        };
    }

    private static JsonNode number(SplittableRandom random) {
        return pick(random, List.<JsonNode>of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(11),
                NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode((long) Integer.MAX_VALUE + 1), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("1" + "0".repeat(30))),
                NODES.numberNode(new BigInteger("9".repeat(2000))), NODES.numberNode(1.5), NODES.numberNode(-0.0),
                NODES.numberNode(1e308), NODES.numberNode(new BigDecimal("1E+400")), NODES.numberNode(new BigDecimal("1E-400"))));
    }

    static final String NESTED = "__fuzz_nested_";
    private static final java.util.regex.Pattern NESTED_MARK = java.util.regex.Pattern.compile("\"" + NESTED + "(\\d+)([ao])\"");

    /** The JSON text with each nesting mark replaced by arrays or objects nested that deep. */
    static String writeNested(String json) {
        var matcher = NESTED_MARK.matcher(json);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int depth = Integer.parseInt(matcher.group(1));
            boolean arrays = matcher.group(2).equals("a");
            String nested = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(nested));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Bodies that are not the JSON of the schema at all, or not JSON. */
    private byte[] raw(JsonNode baseline, SplittableRandom random, List<String> variations) {
        String valid = JSON.writeValueAsString(baseline);
        int kind = random.nextInt(24);
        String text = switch (kind) {
            case 0 -> "";
            case 1 -> "   \n";
            case 2 -> "null";
            case 3 -> "[]";
            case 4 -> "{}";
            case 5 -> "\"text\"";
            case 6 -> "123";
            case 7 -> valid.substring(0, random.nextInt(Math.max(1, valid.length())));
            case 8 -> valid + "}garbage";
            case 9 -> valid.replaceFirst("\\{", "{\"patientId\":\"fuzz-dup\",");
            case 10 -> valid.replaceFirst(":\\s*(\\d+)", ":NaN");
            case 11 -> "/* comment */" + valid;
            case 12 -> valid.replace('"', '\'');
            case 13 -> valid.replaceFirst("}$", ",}");
            case 14 -> "\uFEFF" + valid;
            case 15 -> valid.replaceFirst(":\\s*\"", ":\"\\\\ud800");
            case 16 -> " ".repeat(1_000_000) + valid;
            case 17 -> "{\"a\":" + "[".repeat(100_000);
            case 18 -> valid.replaceFirst(":\\s*(\\d+)", ":" + "9".repeat(200_000));
            case 19 -> "a=b&c=d";
            case 20 -> "<session><id>1</id></session>";
            case 21 -> valid.replaceFirst(":\\s*\"[^\"]*\"", ":\"" + "x".repeat(2_000_000) + "\"");
            case 22 -> valid + valid;
            default -> null;
        };
        if (text == null) {
            // bytes that are not UTF-8 at all, and a NUL
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] head = utf8(valid.substring(0, valid.length() / 2));
            bytes.write(head, 0, head.length);
            bytes.write(new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00}, 0, 5);
            byte[] tail = utf8(valid.substring(valid.length() / 2));
            bytes.write(tail, 0, tail.length);
            variations.add("body with invalid UTF-8 bytes");
            return bytes.toByteArray();
        }
        variations.add("raw body #" + kind + " (" + describeString(text) + ")");
        return utf8(text);
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String shorten(String text, int max) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + oneLine.length() + " chars)";
    }

    private static String describeString(String text) {
        return text.length() > 40 ? text.length() + " chars" : "'" + shorten(text, 40) + "'";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
