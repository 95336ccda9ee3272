package dev.embeddingcontract.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword table, read from vocabulary.json's {@code x-contract-keywords} (keyword, rule ID,
 * the instance type it applies to, its argument's JSON Schema, where its errors point). Nothing
 * here is a hand list: a keyword the vocabulary declares and {@link Rules#CHECKS} does not
 * implement is refused when the table loads.
 */
public final class Vocabulary {
    public static final String TABLE = "x-contract-keywords";
    private static final Set<String> SCOPES = Set.of("array", "object");
    private static final Set<String> PLACES = Set.of("item", "item/key", "property", "property/item");

    /** One keyword: {@code argument} is its argument's JSON Schema as plain Java values. */
    public record Entry(String keyword, String rule, String appliesTo, Object argument, String errorAt,
                        String doc) {
        /** The violations in {@code instance} (none when it is not of {@code appliesTo}'s type). */
        public <N> List<Violation> check(N argument, N instance, Json<N> json) {
            if (instance == null || json.isArray(instance) != appliesTo.equals("array")
                    || (appliesTo.equals("object") && !json.isObject(instance))) {
                return List.of();
            }
            List<Violation> found = Rules.check(rule, argument, instance, json);
            for (Violation v : found) {
                if (!placed(v.path())) {
                    throw new IllegalStateException(keyword + " reported " + v.pathJson()
                            + ", not at " + errorAt);
                }
            }
            return found;
        }

        private boolean placed(List<Object> path) {
            return switch (errorAt) {
                case "item" -> path.size() == 1 && path.get(0) instanceof Integer;
                case "item/key" -> path.size() == 2 && path.get(0) instanceof Integer
                        && path.get(1) instanceof String;
                case "property" -> path.size() == 1 && path.get(0) instanceof String;
                default -> path.size() == 2 && path.get(0) instanceof String
                        && path.get(1) instanceof Integer;
            };
        }
    }

    private final Map<String, Entry> entries;

    private Vocabulary(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The table of a parsed vocabulary.json ({@link PlainJson#parse}). */
    public static Vocabulary of(Object metaSchema) {
        if (!(metaSchema instanceof Map<?, ?> meta) || !(meta.get(TABLE) instanceof Map<?, ?> table)) {
            throw new IllegalArgumentException("vocabulary.json has no " + TABLE + " table");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<?, ?> row : table.entrySet()) {
            String keyword = (String) row.getKey();
            if (!(row.getValue() instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(TABLE + "." + keyword + " is not an object");
            }
            Entry entry = new Entry(keyword, field(fields, "rule", keyword), field(fields, "appliesTo", keyword),
                    fields.get("argument"), field(fields, "errorAt", keyword), field(fields, "doc", keyword));
            if (!SCOPES.contains(entry.appliesTo()) || !PLACES.contains(entry.errorAt())
                    || !(entry.argument() instanceof Map)) {
                throw new IllegalArgumentException(TABLE + "." + keyword + ": unknown appliesTo, errorAt"
                        + " or argument");
            }
            if (!Rules.CHECKS.containsKey(entry.rule())) {
                missing.add(keyword);
            }
            entries.put(keyword, entry);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("vocabulary.json declares " + missing
                    + " but the Java library implements only " + new java.util.TreeSet<>(Rules.CHECKS.keySet()));
        }
        return new Vocabulary(entries);
    }

    private static String field(Map<?, ?> fields, String name, String keyword) {
        if (!(fields.get(name) instanceof String value)) {
            throw new IllegalArgumentException(TABLE + "." + keyword + "." + name + " is not a string");
        }
        return value;
    }

    /** keyword -> entry, in the vocabulary's order. */
    public Map<String, Entry> entries() {
        return entries;
    }
}
