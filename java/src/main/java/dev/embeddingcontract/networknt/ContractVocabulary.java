package dev.embeddingcontract.networknt;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.embeddingcontract.rules.PlainJson;
import dev.embeddingcontract.rules.Vocabulary;
import tools.jackson.databind.JsonNode;

/**
 * The Draft 2020-12 dialect plus the contract's vocabulary, for networknt json-schema-validator 3.
 * The keywords, their scopes and argument schemas come from vocabulary.json's
 * {@code x-contract-keywords}; only the checks are Java code ({@code Rules.CHECKS}).
 *
 * <pre>
 * SchemaRegistry registry = ContractVocabulary.registry(ContractJson.read(vocabularyText));
 * Schema schema = registry.getSchema(ContractJson.read(schemaText));
 * List&lt;Error&gt; errors = schema.validate(ContractJson.read(configText));
 * </pre>
 */
public final class ContractVocabulary {
    private ContractVocabulary() {
    }

    /** The keyword table of a vocabulary.json (refused if it declares a rule Java lacks). */
    public static Vocabulary vocabulary(JsonNode vocabularyMetaSchema) {
        return Vocabulary.of(PlainJson.parse(vocabularyMetaSchema.toString()));
    }

    /** The 2020-12 dialect with every keyword vocabulary.json declares; arguments checked by it. */
    public static Dialect dialect(JsonNode vocabularyMetaSchema) {
        Vocabulary vocabulary = vocabulary(vocabularyMetaSchema);
        SchemaRegistry plain = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Dialect.Builder builder = Dialect.builder(Dialects.getDraft202012());
        for (Vocabulary.Entry entry : vocabulary.entries().values()) {
            JsonNode argument = vocabularyMetaSchema.path(Vocabulary.TABLE).path(entry.keyword()).path("argument");
            builder.keyword(new ContractKeyword(entry, plain.getSchema(argument)));
        }
        return builder.build();
    }

    /** A registry whose 2020-12 schemas run the vocabulary. */
    public static SchemaRegistry registry(JsonNode vocabularyMetaSchema) {
        return SchemaRegistry.withDialect(dialect(vocabularyMetaSchema));
    }
}
