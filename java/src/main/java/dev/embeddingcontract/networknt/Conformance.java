package dev.embeddingcontract.networknt;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import dev.embeddingcontract.rules.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Java conformance runner: networknt json-schema-validator 3 with the contract's vocabulary, over
 * the exported schema files (through schemas/index.json) and the vectors of tests/conformance.
 *
 * <p>Usage: Conformance ROOT. One line per disagreement, then "java: N passed, N failed"; exit 0
 * when all agree, 1 on a disagreement or a failed self-check, 2 on unreadable input.
 */
public final class Conformance {

    private Conformance() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: Conformance ROOT");
            System.exit(2);
        }
        try {
            System.exit(run(Path.of(args[0])));
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            System.err.println("java: " + e.getMessage());
            System.exit(2);
        }
    }

    static JsonNode read(Path file) throws IOException {
        return ContractJson.read(Files.readString(file));
    }

    static int run(Path root) throws IOException {
        Path schemas = root.resolve("schemas");
        JsonNode index = read(schemas.resolve("index.json"));
        String latest = index.get("latest").stringValue();
        JsonNode models = index.path("versions").path(latest).path("models");
        JsonNode vocabulary = read(schemas.resolve(latest).resolve("vocabulary.json"));
        SchemaRegistry registry = ContractVocabulary.registry(vocabulary);
        Vocabulary table = ContractVocabulary.vocabulary(vocabulary);

        Map<String, Schema> compiled = new HashMap<>();
        int passed = 0;
        int failed = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve("tests").resolve("conformance"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            JsonNode vectors = read(file);
            for (int i = 0; i < vectors.size(); i++) {
                JsonNode vector = vectors.get(i);
                String model = vector.get("model").stringValue();
                String name = model + ": " + vector.get("description").stringValue();
                Schema schema = compiled.get(model);
                if (schema == null) {
                    JsonNode entry = models.get(model);
                    if (entry == null) {
                        throw new IllegalArgumentException("unknown model " + model + " in " + file);
                    }
                    JsonNode node = read(schemas.resolve(entry.get("path").stringValue()));
                    schema = registry.getSchema(SchemaLocation.of(node.get("$id").stringValue()), node);
                    compiled.put(model, schema);
                }
                List<Error> errors = schema.validate(vector.get("instance"));
                boolean valid = errors.isEmpty();
                if (valid == vector.get("valid").booleanValue()) {
                    passed++;
                } else {
                    failed++;
                    System.out.println("DISAGREE " + name + " [" + vector.get("rule").stringValue()
                            + "]: expected " + (vector.get("valid").booleanValue() ? "valid" : "invalid")
                            + ", networknt says " + (valid ? "valid" : "invalid: " + errors.stream()
                            .map(e -> e.getInstanceLocation() + " " + e.getMessage())
                            .collect(Collectors.joining("; "))));
                }
            }
        }
        int problems = selfCheck(registry, table);
        System.out.println("networknt json-schema-validator with the vocabulary, schemas " + latest
                + ", " + compiled.size() + " schemas compiled");
        System.out.println("java: " + passed + " passed, " + failed + " failed");
        return failed == 0 && problems == 0 ? 0 : 1;
    }

    /** A bad argument to any keyword must fail when the schema loads. */
    private static int selfCheck(SchemaRegistry registry, Vocabulary table) {
        int problems = 0;
        for (String keyword : table.entries().keySet()) {
            try {
                registry.getSchema("{\"" + keyword + "\": {\"bad\": \"argument\"}}").validate(
                        ContractJson.read("[]"));
                System.out.println("SELF-CHECK FAILED " + keyword + ": a bad argument was accepted");
                problems++;
            } catch (SchemaException expected) {
                // the argument schema from vocabulary.json refused it
            }
        }
        return problems;
    }
}
