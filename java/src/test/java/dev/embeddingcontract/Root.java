package dev.embeddingcontract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the tests read schemas and vectors from (Surefire sets contract.root). */
public final class Root {
    private Root() {
    }

    public static Path path() {
        return Path.of(System.getProperty("contract.root", "..")).toAbsolutePath().normalize();
    }

    public static String read(String relative) {
        try {
            return Files.readString(path().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest release's version, from schemas/index.json. */
    public static String latest() {
        String index = read("schemas/index.json");
        int at = index.indexOf("\"latest\"");
        int start = index.indexOf('"', index.indexOf(':', at)) + 1;
        return index.substring(start, index.indexOf('"', start));
    }
}
