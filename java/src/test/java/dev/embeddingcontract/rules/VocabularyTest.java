package dev.embeddingcontract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.embeddingcontract.Root;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static Object metaSchema() {
        return PlainJson.parse(Root.read("schemas/" + Root.latest() + "/vocabulary.json"));
    }

    @Test
    void everyKeywordTheVocabularyDeclaresHasAJavaImplementation() {
        Map<?, ?> table = (Map<?, ?>) ((Map<?, ?>) metaSchema()).get(Vocabulary.TABLE);
        Vocabulary vocabulary = Vocabulary.of(metaSchema());
        assertEquals(table.keySet(), vocabulary.entries().keySet());
        for (Vocabulary.Entry entry : vocabulary.entries().values()) {
            assertTrue(Rules.CHECKS.containsKey(entry.rule()), entry.keyword());
            assertEquals("x-contract-" + entry.rule(), entry.keyword());
        }
    }

    @Test
    void aKeywordWithoutImplementationIsRefused() {
        String text = Root.read("schemas/" + Root.latest() + "/vocabulary.json").replace(
                "\"x-contract-keywords\": {", "\"x-contract-keywords\": {\"x-contract-sorted-by\": "
                        + "{\"rule\": \"sorted-by\", \"appliesTo\": \"array\", \"argument\": {},"
                        + " \"errorAt\": \"item\", \"doc\": \"d\"},");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.of(PlainJson.parse(text)));
        assertTrue(e.getMessage().contains("x-contract-sorted-by"), e.getMessage());
    }

    @Test
    void theScopeComesFromTheTable() {
        Vocabulary.Entry unique = Vocabulary.of(metaSchema()).entries().get("x-contract-unique-by");
        Object tables = PlainJson.parse("[{\"name\": \"a\"}, {\"name\": \"a\"}]");
        List<Violation> found = unique.check("name", tables, PlainJson.INSTANCE);
        assertEquals("[1,\"name\"]", found.get(0).pathJson());
        assertEquals(List.of(), unique.check("name", PlainJson.parse("{\"name\": \"a\"}"), PlainJson.INSTANCE));
    }

    @Test
    void numbersCompareExactly() {
        Vocabulary.Entry increasing = Vocabulary.of(metaSchema()).entries().get("x-contract-strictly-increasing");
        Object boundaries = PlainJson.parse("[9007199254740991, 9007199254740993, 9007199254740992.0]");
        List<Violation> found = increasing.check(Boolean.TRUE, boundaries, PlainJson.INSTANCE);
        assertEquals(1, found.size());
        assertEquals("[2]", found.get(0).pathJson());
    }
}
