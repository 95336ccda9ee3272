package dev.embeddingcontract.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the portable rules declared anywhere in a schema document against an instance, beside any
 * standard validator (the Java twin of python/embedding_contract/vocabulary/walker.py). It follows
 * properties, items, prefixItems, local $ref and every anyOf/oneOf/allOf branch, visiting each
 * instance value once per schema that applies to it: linear in the instance.
 */
public final class Walker {
    private static final List<String> BRANCHES = List.of("anyOf", "oneOf", "allOf");
    private final Vocabulary vocabulary;
    private final Object root;

    public Walker(Vocabulary vocabulary, Object schemaDocument) {
        this.vocabulary = vocabulary;
        this.root = schemaDocument;
    }

    /** Every violation, with paths from the instance root, each (path, rule, message) once. */
    public List<Violation> violations(Object instance) {
        Set<String> seen = new LinkedHashSet<>();
        List<Violation> out = new ArrayList<>();
        walk(root, instance, new ArrayList<>(), (v) -> {
            if (seen.add(v.pathJson() + v.rule() + v.message())) {
                out.add(v);
            }
        });
        return out;
    }

    private interface Sink {
        void accept(Violation violation);
    }

    private Object resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $ref is supported here, not " + ref);
        }
        Object node = root;
        for (String part : ref.substring(2).split("/", -1)) {
            node = ((Map<?, ?>) node).get(part.replace("~1", "/").replace("~0", "~"));
        }
        return node;
    }

    private void walk(Object schema, Object instance, List<Object> path, Sink sink) {
        if (!(schema instanceof Map<?, ?> map)) {
            return;
        }
        if (map.get("$ref") instanceof String ref) {
            walk(resolve(ref), instance, path, sink);
        }
        for (Vocabulary.Entry entry : vocabulary.entries().values()) {
            if (map.containsKey(entry.keyword())) {
                for (Violation v : entry.check(map.get(entry.keyword()), instance, PlainJson.INSTANCE)) {
                    List<Object> full = new ArrayList<>(path);
                    full.addAll(v.path());
                    sink.accept(new Violation(full, v.rule(), v.message()));
                }
            }
        }
        for (String keyword : BRANCHES) {
            if (map.get(keyword) instanceof List<?> branches) {
                for (Object branch : branches) {
                    walk(branch, instance, path, sink);
                }
            }
        }
        if (instance instanceof Map<?, ?> object) {
            if (map.get("properties") instanceof Map<?, ?> properties) {
                for (Map.Entry<?, ?> entry : object.entrySet()) {
                    if (properties.containsKey(entry.getKey())) {
                        walk(properties.get(entry.getKey()), entry.getValue(), extend(path, entry.getKey()), sink);
                    }
                }
            }
        } else if (instance instanceof List<?> array) {
            List<?> prefix = map.get("prefixItems") instanceof List<?> p ? p : List.of();
            Object items = map.get("items");
            for (int index = 0; index < array.size(); index++) {
                Object sub = index < prefix.size() ? prefix.get(index) : items;
                if (sub != null) {
                    walk(sub, array.get(index), extend(path, index), sink);
                }
            }
        }
    }

    private static List<Object> extend(List<Object> path, Object part) {
        List<Object> out = new ArrayList<>(path);
        out.add(part);
        return out;
    }
}
