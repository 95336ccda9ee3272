package dev.embeddingcontract.networknt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import dev.embeddingcontract.Root;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Numbers networknt and Jackson would otherwise get wrong, against the released schemas. */
class NumbersTest {
    private static final SchemaRegistry REGISTRY = ContractVocabulary.registry(
            ContractJson.read(Root.read("schemas/" + Root.latest() + "/vocabulary.json")));

    private static List<Error> validate(String model, String config) {
        String file = "schemas/" + Root.latest() + "/" + model.replace('.', '/') + ".json";
        Schema schema = REGISTRY.getSchema(ContractJson.read(Root.read(file)));
        return schema.validate(ContractJson.read(config));
    }

    private static String paths(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation().toString()).distinct()
                .collect(Collectors.joining(" "));
    }

    @Test
    void integralDoublesBeyondLongBecomeExactIntegers() {
        JsonNode node = ContractJson.read("[1e19, -1e300, 1.5e300, 64.0, 1e18]");
        assertEquals(new BigInteger("10000000000000000000"), node.get(0).bigIntegerValue());
        assertTrue(node.get(1).isBigInteger());
        assertTrue(node.get(3).isDouble() && node.get(4).isDouble());
    }

    @Test
    void hugeIntegersAreRejectedNotThrown() {
        String large = "{\"name\": \"t\", \"num_embeddings\": %s, \"embedding_dim\": 64}";
        for (String value : List.of("1e19", "10000000000000000000", "9007199254740993", "1e300")) {
            List<Error> errors = validate("recap.EmbeddingBagConfig", large.formatted(value));
            assertEquals("/num_embeddings", paths(errors), value);
        }
        for (String value : List.of("64.0", "9007199254740991", "1.0000000000000001")) {
            assertEquals(List.of(), validate("recap.EmbeddingBagConfig", large.formatted(value)), value);
        }
    }

    @Test
    void overflowingFloatsAreRejectedByTheFiniteBound() {
        String adam = "{\"lr\": %s}";
        assertFalse(validate("twhin.AdamConfig", adam.formatted("1e400")).isEmpty());
        assertEquals(List.of(), validate("twhin.AdamConfig", adam.formatted("1e-400")));
        assertEquals(List.of(), validate("twhin.AdamConfig", adam.formatted("-0.0")));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThrows(JacksonException.class, () -> ContractJson.read("{\"a\": 1, \"a\": 2}"));
    }
}
