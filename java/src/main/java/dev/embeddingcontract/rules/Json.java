package dev.embeddingcontract.rules;

import java.math.BigDecimal;

/**
 * Read access to one JSON tree model, so the rules run unchanged on Jackson nodes (networknt) and
 * on plain Java values ({@link PlainJson}). Like Python's getter, {@link #member} reads a missing
 * key, or a value that is not an object, as {@code null}.
 */
public interface Json<N> {
    boolean isArray(N node);

    boolean isObject(N node);

    int size(N array);

    N item(N array, int index);

    N member(N node, String key);

    boolean isString(N node);

    String string(N node);

    boolean isBoolean(N node);

    boolean bool(N node);

    /** A finite number (booleans are not numbers). */
    boolean isNumber(N node);

    /** The exact value of a finite number: integers exactly, floats as their binary value. */
    BigDecimal number(N node);
}
