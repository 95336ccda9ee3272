package dev.embeddingcontract.networknt;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.BaseKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import dev.embeddingcontract.rules.Violation;
import dev.embeddingcontract.rules.Vocabulary;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One keyword of the contract's vocabulary for networknt json-schema-validator 3. Its argument is
 * checked against the keyword's schema from vocabulary.json when a schema is loaded (a bad
 * argument is a SchemaException); each violation becomes an Error at the offending value.
 */
public final class ContractKeyword implements Keyword {
    private final Vocabulary.Entry entry;
    private final Schema argumentSchema;

    public ContractKeyword(Vocabulary.Entry entry, Schema argumentSchema) {
        this.entry = entry;
        this.argumentSchema = argumentSchema;
    }

    @Override
    public String getValue() {
        return entry.keyword();
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation schemaLocation, JsonNode schemaNode,
                                         Schema parentSchema, SchemaContext schemaContext) {
        List<Error> problems = argumentSchema.validate(schemaNode);
        if (!problems.isEmpty()) {
            throw new SchemaException(entry.keyword() + ": bad argument at " + schemaLocation + ": "
                    + problems.get(0).getMessage());
        }
        return new Validator(this, schemaNode, schemaLocation, parentSchema, schemaContext);
    }

    static final class Validator extends BaseKeywordValidator {
        private final Vocabulary.Entry entry;

        Validator(ContractKeyword keyword, JsonNode schemaNode, SchemaLocation schemaLocation,
                  Schema parentSchema, SchemaContext schemaContext) {
            super(keyword, schemaNode, schemaLocation, parentSchema, schemaContext);
            this.entry = keyword.entry;
        }

        @Override
        public void validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
                             NodePath instanceLocation) {
            for (Violation v : entry.check(schemaNode, node, JacksonJson.INSTANCE)) {
                NodePath at = instanceLocation;
                for (Object part : v.path()) {
                    at = part instanceof Integer index ? at.append(index) : at.append((String) part);
                }
                executionContext.addError(error().instanceNode(node).instanceLocation(at)
                        .evaluationPath(executionContext.getEvaluationPath())
                        .locale(executionContext.getExecutionConfig().getLocale())
                        .message("{0}").arguments(v.message() + " [" + v.rule() + "]").build());
            }
        }
    }
}
