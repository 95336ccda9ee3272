package dev.embeddingcontract.networknt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.embeddingcontract.Root;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every conformance vector through networknt with the vocabulary: none disagrees with Pydantic. */
class ConformanceTest {
    @Test
    void everyVectorGetsPydanticsVerdict() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Conformance.run(Root.path());
        } finally {
            System.setOut(saved);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, report);
        assertEquals(true, report.matches("(?s).*java: [1-9][0-9]* passed, 0 failed.*"), report);
    }
}
