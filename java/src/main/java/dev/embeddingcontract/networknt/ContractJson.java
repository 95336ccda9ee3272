package dev.embeddingcontract.networknt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading JSON for networknt the way the contract reads it (Python's json module): integers
 * exactly, a number with a fraction or an exponent as a 64-bit double, duplicate keys refused.
 *
 * <p>One adjustment: a double with an integral value beyond the {@code long} range (such as
 * {@code 1e19}) becomes the equal {@code BigInteger}. networknt's integer bounds read any other
 * numeric node through {@code asLong()}, which throws on such a value; as a BigInteger it is
 * compared exactly (the same number, so the verdict is Python's).
 */
public final class ContractJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final double LONG_RANGE = 0x1p63;

    private ContractJson() {
    }

    /** The mapper used to read (strict about duplicate keys). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** A JSON text as a tree networknt can validate without losing precision or throwing. */
    public static JsonNode read(String text) {
        return normalize(MAPPER.readTree(text));
    }

    /** {@code node} with every integral double beyond the long range replaced (in place). */
    public static JsonNode normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>(object.properties());
            for (Map.Entry<String, JsonNode> member : members) {
                object.set(member.getKey(), normalize(member.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, normalize(array.get(i)));
            }
        } else if (node.isFloatingPointNumber() && !node.isBigDecimal()) {
            double value = node.doubleValue();
            if (Double.isFinite(value) && Math.abs(value) >= LONG_RANGE && value == Math.rint(value)) {
                BigInteger exact = new BigDecimal(value).toBigIntegerExact();
                return JsonNodeFactory.instance.numberNode(exact);
            }
        }
        return node;
    }
}
