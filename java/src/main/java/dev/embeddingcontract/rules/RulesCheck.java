package dev.embeddingcontract.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The Java portable rules against the Python reference, JDK only: for every conformance vector,
 * the (path, rule) pairs the {@link Walker} finds must equal those Python's
 * embedding_contract.vocabulary.walker finds (written by {@code python -m tests.acceptance.test_conformance
 * --portable-violations FILE}). Checks the rules themselves, not standard keywords: the networknt
 * runner ({@code dev.embeddingcontract.networknt.Conformance}) judges whole verdicts.
 *
 * <p>Usage: RulesCheck ROOT EXPECTED.json. Ends with "java-rules: N passed, N failed"; exit 1 on a
 * difference, 2 on unreadable input.
 */
public final class RulesCheck {
    private RulesCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: RulesCheck ROOT EXPECTED.json");
            System.exit(2);
        }
        try {
            System.exit(run(Path.of(args[0]), Path.of(args[1])));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            System.err.println("java-rules: " + e.getMessage());
            System.exit(2);
        }
    }

    static Object read(Path file) throws IOException {
        return PlainJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    static int run(Path root, Path expectedFile) throws IOException {
        Path schemas = root.resolve("schemas");
        Map<?, ?> index = (Map<?, ?>) read(schemas.resolve("index.json"));
        Map<?, ?> version = (Map<?, ?>) ((Map<?, ?>) index.get("versions")).get(index.get("latest"));
        Map<?, ?> models = (Map<?, ?>) version.get("models");
        Vocabulary vocabulary = Vocabulary.of(read(schemas.resolve((String) index.get("latest"))
                .resolve("vocabulary.json")));
        Map<?, ?> expected = (Map<?, ?>) read(expectedFile);
        int passed = 0;
        int failed = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(root.resolve("tests").resolve("conformance"))) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            for (Object entry : (List<?>) read(file)) {
                Map<?, ?> vector = (Map<?, ?>) entry;
                String model = (String) vector.get("model");
                String name = model + ": " + vector.get("description");
                Map<?, ?> modelEntry = (Map<?, ?>) models.get(model);
                Walker walker = new Walker(vocabulary, read(schemas.resolve((String) modelEntry.get("path"))));
                TreeSet<String> found = new TreeSet<>();
                for (Violation v : walker.violations(vector.get("instance"))) {
                    found.add(v.pathJson() + " " + v.rule());
                }
                TreeSet<String> want = new TreeSet<>();
                Object listed = expected.get(name);
                if (!(listed instanceof List<?> pairs)) {
                    throw new IllegalArgumentException("no expected violations for " + name);
                }
                for (Object pair : pairs) {
                    List<?> p = (List<?>) pair;
                    want.add(new Violation(new ArrayList<>((List<?>) p.get(0)), "", "").pathJson() + " " + p.get(1));
                }
                if (found.equals(want)) {
                    passed++;
                } else {
                    failed++;
                    System.out.println("DISAGREE java-rules " + name + ": Java " + found + ", Python " + want);
                }
            }
        }
        System.out.println("java-rules: " + passed + " passed, " + failed + " failed");
        return failed == 0 ? 0 : 1;
    }
}
