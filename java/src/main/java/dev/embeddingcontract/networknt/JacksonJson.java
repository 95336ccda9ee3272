package dev.embeddingcontract.networknt;

import dev.embeddingcontract.rules.Json;
import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;

/** {@link Json} over Jackson 3 trees (what networknt 3 hands to keywords); JSON null reads as null. */
public final class JacksonJson implements Json<JsonNode> {
    public static final JacksonJson INSTANCE = new JacksonJson();

    private JacksonJson() {
    }

    @Override
    public boolean isArray(JsonNode node) {
        return node.isArray();
    }

    @Override
    public boolean isObject(JsonNode node) {
        return node.isObject();
    }

    @Override
    public int size(JsonNode array) {
        return array.size();
    }

    @Override
    public JsonNode item(JsonNode array, int index) {
        JsonNode item = array.get(index);
        return item == null || item.isNull() ? null : item;
    }

    @Override
    public JsonNode member(JsonNode node, String key) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    @Override
    public boolean isString(JsonNode node) {
        return node.isString();
    }

    @Override
    public String string(JsonNode node) {
        return node.stringValue();
    }

    @Override
    public boolean isBoolean(JsonNode node) {
        return node.isBoolean();
    }

    @Override
    public boolean bool(JsonNode node) {
        return node.booleanValue();
    }

    @Override
    public boolean isNumber(JsonNode node) {
        if (!node.isNumber()) {
            return false;
        }
        return node.isIntegralNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
    }

    @Override
    public BigDecimal number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        // The exact binary value of the double, as Python compares int and float.
        return new BigDecimal(node.doubleValue());
    }
}
