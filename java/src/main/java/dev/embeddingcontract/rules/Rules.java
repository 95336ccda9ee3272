package dev.embeddingcontract.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of the contract's portable rules (schemas/VERSION/vocabulary.json), with the semantics of
 * python/embedding_contract/vocabulary/rules/: each keyword ignores values of the wrong shape (the
 * standard keywords beside it report those), runs in linear time, and reports paths relative to
 * the value carrying it. Numbers compare mathematically: 4 equals 4.0.
 */
public final class Rules {
    /** One rule's check: every violation of it, declared by {@code argument}, in {@code instance}. */
    @FunctionalInterface
    public interface Check {
        <N> void run(N argument, N instance, Json<N> json, List<Violation> out);
    }

    /**
     * The implementations, keyed by rule ID. The keyword table itself (keyword, scope, argument
     * schema, error placement) is not kept here: it is read from vocabulary.json's
     * x-contract-keywords ({@link Vocabulary}).
     */
    public static final Map<String, Check> CHECKS = Map.of(
            "unique-by", Rules::uniqueBy,
            "equal-across", Rules::equalAcross,
            "strictly-increasing", Rules::strictlyIncreasing,
            "references", Rules::references,
            "length-relation", Rules::lengthRelation,
            "greater-than", Rules::greaterThan);

    private Rules() {
    }

    /** Every violation of rule {@code rule} with {@code argument} in {@code instance}. */
    public static <N> List<Violation> check(String rule, N argument, N instance, Json<N> json) {
        Check check = CHECKS.get(rule);
        if (check == null) {
            throw new IllegalArgumentException("no Java implementation of the rule " + rule);
        }
        List<Violation> out = new ArrayList<>();
        check.run(argument, instance, json, out);
        return out;
    }

    private static <N> String text(N argument, String key, Json<N> json) {
        return json.string(json.member(argument, key));
    }

    /** A typed identity for a scalar ("1", 1 and true differ; 4 and 4.0 do not), else null. */
    static <N> String scalarKey(N value, Json<N> json) {
        if (value == null) {
            return null;
        }
        if (json.isString(value)) {
            return "s" + json.string(value);
        }
        if (json.isBoolean(value)) {
            return "b" + json.bool(value);
        }
        if (json.isNumber(value)) {
            BigDecimal number = json.number(value);
            return "n" + (number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private static <N> String display(N value, Json<N> json) {
        if (value == null) {
            return "null";
        }
        if (json.isString(value)) {
            return PlainJson.quote(json.string(value));
        }
        if (json.isNumber(value)) {
            return json.number(value).stripTrailingZeros().toPlainString();
        }
        if (json.isBoolean(value)) {
            return String.valueOf(json.bool(value));
        }
        return "…";
    }

    private static <N> void uniqueBy(N argument, N instance, Json<N> json, List<Violation> out) {
        String key = json.string(argument);
        if (instance == null || !json.isArray(instance)) {
            return;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int index = 0; index < json.size(instance); index++) {
            N value = json.member(json.item(instance, index), key);
            String id = scalarKey(value, json);
            if (id == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(id, index);
            if (earlier != null) {
                out.add(new Violation(List.of(index, key), "unique-by", "duplicate " + key + " "
                        + display(value, json) + ": already used by item [" + earlier + "]"));
            }
        }
    }

    private static <N> void equalAcross(N keys, N instance, Json<N> json, List<Violation> out) {
        if (instance == null || !json.isArray(instance) || json.size(instance) == 0) {
            return;
        }
        for (int k = 0; k < json.size(keys); k++) {
            String key = json.string(json.item(keys, k));
            N head = json.member(json.item(instance, 0), key);
            String expected = scalarKey(head, json);
            if (expected == null) {
                continue;
            }
            for (int index = 1; index < json.size(instance); index++) {
                N value = json.member(json.item(instance, index), key);
                String found = scalarKey(value, json);
                if (found != null && !found.equals(expected)) {
                    out.add(new Violation(List.of(index, key), "equal-across", key + " is "
                            + display(value, json) + " here but " + display(head, json)
                            + " in item [0]; all items must share one " + key));
                }
            }
        }
    }

    private static <N> void strictlyIncreasing(N argument, N instance, Json<N> json,
                                               List<Violation> out) {
        if (!json.isBoolean(argument) || !json.bool(argument) || instance == null || !json.isArray(instance)) {
            return;
        }
        for (int index = 1; index < json.size(instance); index++) {
            N before = json.item(instance, index - 1);
            N value = json.item(instance, index);
            if (isNumber(before, json) && isNumber(value, json)
                    && json.number(value).compareTo(json.number(before)) <= 0) {
                out.add(new Violation(List.of(index), "strictly-increasing", display(value, json)
                        + " is not greater than the item before it (" + display(before, json) + ")"));
            }
        }
    }

    private static <N> void references(N argument, N instance, Json<N> json, List<Violation> out) {
        for (int i = 0; i < json.size(argument); i++) {
            N a = json.item(argument, i);
            references(text(a, "property", json), text(a, "target", json), text(a, "key", json),
                    instance, json, out);
        }
    }

    private static <N> void references(String property, String target, String key, N instance,
                                       Json<N> json, List<Violation> out) {
        N names = json.member(instance, property);
        N targets = json.member(instance, target);
        if (names == null || targets == null || !json.isArray(names) || !json.isArray(targets)) {
            return;
        }
        Set<String> known = new HashSet<>();
        for (int i = 0; i < json.size(targets); i++) {
            String id = scalarKey(json.member(json.item(targets, i), key), json);
            if (id != null) {
                known.add(id);
            }
        }
        for (int index = 0; index < json.size(names); index++) {
            N name = json.item(names, index);
            if (name != null && json.isString(name) && !known.contains(scalarKey(name, json))) {
                out.add(new Violation(List.of(property, index), "references", display(name, json)
                        + " names no item of " + target + " (by " + key + ")"));
            }
        }
    }

    private static <N> void lengthRelation(N argument, N instance, Json<N> json, List<Violation> out) {
        for (int i = 0; i < json.size(argument); i++) {
            N a = json.item(argument, i);
            lengthRelation(text(a, "property", json), text(a, "other", json),
                    json.number(json.member(a, "offset")).intValueExact(), instance, json, out);
        }
    }

    private static <N> void lengthRelation(String property, String other, int offset, N instance,
                                           Json<N> json, List<Violation> out) {
        N value = json.member(instance, property);
        N base = json.member(instance, other);
        if (value == null || base == null || !json.isArray(value) || !json.isArray(base)) {
            return;
        }
        long expected = (long) json.size(base) + offset;
        if (json.size(value) != expected) {
            out.add(new Violation(List.of(property), "length-relation", property + " has "
                    + json.size(value) + " items but needs len(" + other + ") "
                    + (offset >= 0 ? "+" : "-") + " " + Math.abs(offset) + " = " + expected));
        }
    }

    private static <N> void greaterThan(N argument, N instance, Json<N> json, List<Violation> out) {
        for (int i = 0; i < json.size(argument); i++) {
            N a = json.item(argument, i);
            greaterThan(text(a, "property", json), text(a, "than", json), instance, json, out);
        }
    }

    private static <N> void greaterThan(String property, String than, N instance, Json<N> json,
                                        List<Violation> out) {
        N value = json.member(instance, property);
        N other = json.member(instance, than);
        if (isNumber(value, json) && isNumber(other, json)
                && json.number(value).compareTo(json.number(other)) <= 0) {
            out.add(new Violation(List.of(property), "greater-than", property + " ("
                    + display(value, json) + ") must be greater than " + than + " ("
                    + display(other, json) + ")"));
        }
    }

    private static <N> boolean isNumber(N node, Json<N> json) {
        return node != null && json.isNumber(node);
    }
}
