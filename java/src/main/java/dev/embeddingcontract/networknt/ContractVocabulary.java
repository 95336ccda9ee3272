package dev.embeddingcontract.networknt;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import dev.embeddingcontract.rules.Rules;
import tools.jackson.databind.JsonNode;

/**
 * The Draft 2020-12 dialect plus the contract's vocabulary, for networknt json-schema-validator 3.
 *
 * <pre>
 * JsonNode vocabulary = mapper.readTree(Path.of("schemas/1.0.0/vocabulary.json"));
 * SchemaRegistry registry = ContractVocabulary.registry(vocabulary);
 * Schema schema = registry.getSchema(mapper.readTree(schemaFile));
 * List&lt;Error&gt; errors = schema.validate(config);
 * </pre>
 */
public final class ContractVocabulary {
    private ContractVocabulary() {
    }

    /** The 2020-12 dialect with every x-contract-* keyword; arguments checked by vocabulary.json. */
    public static Dialect dialect(JsonNode vocabularyMetaSchema) {
        SchemaRegistry plain = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Dialect.Builder builder = Dialect.builder(Dialects.getDraft202012());
        for (String keyword : Rules.KEYWORDS) {
            JsonNode argument = vocabularyMetaSchema.path("properties").get(keyword);
            if (argument == null) {
                throw new IllegalArgumentException("vocabulary.json does not declare " + keyword);
            }
            builder.keyword(new ContractKeyword(keyword, plain.getSchema(argument)));
        }
        return builder.build();
    }

    /** A registry whose 2020-12 schemas run the vocabulary. */
    public static SchemaRegistry registry(JsonNode vocabularyMetaSchema) {
        return SchemaRegistry.withDialect(dialect(vocabularyMetaSchema));
    }
}
