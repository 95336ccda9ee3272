package dev.embeddingcontract.rules;

import java.util.List;

/** One broken rule: where (relative to the value carrying the keyword), which rule, why. */
public record Violation(List<Object> path, String rule, String message) {
    /** The path as JSON: {@code ["tables",1,"name"]}. */
    public String pathJson() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object part = path.get(i);
            out.append(part instanceof Number ? part.toString() : PlainJson.quote(part.toString()));
        }
        return out.append(']').toString();
    }
}
