package dev.embeddingcontract.networknt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import dev.embeddingcontract.Root;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The usage example of docs/cross-language.md is this method's body, and it runs. */
class UsageExampleTest {
    static int validate(Path root, Path config) throws IOException {
        // example: java
        JsonNode vocabulary = ContractJson.read(Files.readString(root.resolve("schemas/1.1.0/vocabulary.json")));
        SchemaRegistry registry = ContractVocabulary.registry(vocabulary);
        Schema schema = registry.getSchema(ContractJson.read(
                Files.readString(root.resolve("schemas/1.1.0/recap/LargeEmbeddingsConfig.json"))));
        List<Error> errors = schema.validate(ContractJson.read(Files.readString(config)));
        for (Error error : errors) {
            System.out.println(error.getInstanceLocation() + " " + error.getMessage());
        }
        return errors.isEmpty() ? 0 : 1;
        // end of example
    }

    private static String strip(String lines) {
        return lines.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    @Test
    void theDocsShowThisExample() throws IOException {
        String doc = Root.read("docs/cross-language.md");
        Matcher block = Pattern.compile("<!-- example: java -->\n```java\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(block.find(), "docs/cross-language.md has no <!-- example: java --> block");
        String source = Files.readString(Path.of("src/test/java/dev/embeddingcontract/networknt/UsageExampleTest.java"));
        String body = source.substring(source.indexOf("// example: java") + 16, source.indexOf("// end of example"));
        assertEquals(strip(body), strip(block.group(1)));
        assertTrue(block.group(1).strip().lines().count() <= 10);
    }

    @Test
    void itNamesThePathOfEachError(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.json");
        String table = "{\"name\": \"user\", \"num_embeddings\": 10, \"embedding_dim\": 4}";
        String optimizer = "\"optimizer\": {\"init_learning_rate\": 0.1}";
        Files.writeString(config, "{" + optimizer + ", \"tables\": [" + table + ", " + table + "]}");
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = validate(Root.path(), config);
        } finally {
            System.setOut(saved);
        }
        assertEquals(1, status);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("/tables/1/name duplicate name \"user\""), out.toString());
        Files.writeString(config, "{" + optimizer + ", \"tables\": [" + table + "]}");
        assertEquals(0, validate(Root.path(), config));
    }
}
