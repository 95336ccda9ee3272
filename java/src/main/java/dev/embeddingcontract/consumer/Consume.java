package dev.embeddingcontract.consumer;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import dev.embeddingcontract.networknt.ContractJson;
import dev.embeddingcontract.networknt.ContractVocabulary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A service's use of the contract: read a schema server's index.json, fetch the vocabulary and
 * the model's schema by their {@code $id} URLs, check each against the index's sha256, and
 * validate a JSON config with the contract's rules.
 *
 * <p>Usage: Consume INDEX_URL MODEL CONFIG.json. Prints "valid" or one "PATH: message" line per
 * error; exit 0 valid, 1 invalid, 2 when the schema cannot be fetched or trusted, or bad input.
 */
public final class Consume {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();

    private Consume() {
    }

    /** A failure that is not the config's fault: exit 2. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: Consume INDEX_URL MODEL CONFIG.json");
            System.exit(2);
        }
        try {
            System.exit(run(args[0], args[1], Path.of(args[2])));
        } catch (Problem e) {
            System.err.println("consume: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(String indexUrl, String model, Path config) throws Problem {
        JsonNode index = json(get(indexUrl), indexUrl);
        JsonNode release = index.path("versions").path(index.path("latest").asString(""));
        JsonNode record = release.path("models").path(model);
        if (record.isMissingNode()) {
            throw new Problem(model + " is not a model of " + indexUrl);
        }
        JsonNode vocabulary = json(trusted(release.path("vocabulary")), "the vocabulary");
        Schema schema;
        try {
            schema = ContractVocabulary.registry(vocabulary).getSchema(json(trusted(record), model));
        } catch (SchemaException | IllegalArgumentException e) {
            throw new Problem(model + ": not a usable schema: " + e.getMessage());
        }
        JsonNode instance;
        try {
            instance = ContractJson.read(Files.readString(config, StandardCharsets.UTF_8));
        } catch (IOException | JacksonException e) {
            throw new Problem(config + ": cannot read JSON: " + e.getMessage());
        }
        List<Error> errors = schema.validate(instance);
        if (errors.isEmpty()) {
            System.out.println("valid");
            return 0;
        }
        for (Error error : errors) {
            String at = error.getInstanceLocation().toString();
            System.out.println((at.isEmpty() ? "/" : at) + ": " + error.getMessage());
        }
        return 1;
    }

    /** The body at {@code record.$id}, if its sha256 is {@code record.sha256}. */
    private static byte[] trusted(JsonNode record) throws Problem {
        String url = record.path("$id").asString("");
        String expected = record.path("sha256").asString("");
        byte[] body = get(url);
        String actual = sha256(body);
        if (!actual.equals(expected)) {
            throw new Problem(url + ": sha256 " + actual + " is not the index's " + expected);
        }
        return body;
    }

    private static byte[] get(String url) throws Problem {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Problem(url + ": HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException | IllegalArgumentException e) {
            throw new Problem(url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem(url + ": interrupted");
        }
    }

    private static JsonNode json(byte[] body, String what) throws Problem {
        try {
            return ContractJson.read(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new Problem(what + ": not JSON: " + e.getMessage());
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
