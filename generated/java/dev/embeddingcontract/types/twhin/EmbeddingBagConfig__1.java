
package dev.embeddingcontract.types.twhin;

import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * EmbeddingBagConfig
 * <p>
 * One embedding table with its own optimizer and data type.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "data_type",
    "embedding_dim",
    "name",
    "num_embeddings",
    "optimizer",
    "pretrained",
    "vocab"
})
public class EmbeddingBagConfig__1 {

    /**
     * DataType
     * <p>
     * Storage type of a table's weights.
     * (Required)
     * 
     */
    @JsonProperty("data_type")
    @JsonPropertyDescription("Storage type of a table's weights.")
    @NotNull
    private EmbeddingBagConfig__1 .DataType dataType;
    /**
     * Size of each embedding vector.
     * (Required)
     * 
     */
    @JsonProperty("embedding_dim")
    @JsonPropertyDescription("Size of each embedding vector.")
    @DecimalMin("1")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long embeddingDim;
    /**
     * Name of the embedding bag (table).
     * (Required)
     * 
     */
    @JsonProperty("name")
    @JsonPropertyDescription("Name of the embedding bag (table).")
    @Size(min = 1)
    @NotNull
    private String name;
    /**
     * Size of the embedding dictionary (rows).
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    @JsonPropertyDescription("Size of the embedding dictionary (rows).")
    @DecimalMin("1")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long numEmbeddings;
    /**
     * OptimizerConfig
     * <p>
     * An optimizer: exactly one of adam, sgd and adagrad is set.
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    @JsonPropertyDescription("An optimizer: exactly one of adam, sgd and adagrad is set.")
    @Valid
    @NotNull
    private OptimizerConfig__1 optimizer;
    /**
     * Snapshot to initialise the table from.
     * 
     */
    @JsonProperty("pretrained")
    @JsonPropertyDescription("Snapshot to initialise the table from.")
    private Object pretrained = null;
    /**
     * Directory of parquet files mapping entity id to table row.
     * 
     */
    @JsonProperty("vocab")
    @JsonPropertyDescription("Directory of parquet files mapping entity id to table row.")
    private Object vocab = null;

    /**
     * DataType
     * <p>
     * Storage type of a table's weights.
     * (Required)
     * 
     */
    @JsonProperty("data_type")
    public EmbeddingBagConfig__1 .DataType getDataType() {
        return dataType;
    }

    /**
     * DataType
     * <p>
     * Storage type of a table's weights.
     * (Required)
     * 
     */
    @JsonProperty("data_type")
    public void setDataType(EmbeddingBagConfig__1 .DataType dataType) {
        this.dataType = dataType;
    }

    /**
     * Size of each embedding vector.
     * (Required)
     * 
     */
    @JsonProperty("embedding_dim")
    public Long getEmbeddingDim() {
        return embeddingDim;
    }

    /**
     * Size of each embedding vector.
     * (Required)
     * 
     */
    @JsonProperty("embedding_dim")
    public void setEmbeddingDim(Long embeddingDim) {
        this.embeddingDim = embeddingDim;
    }

    /**
     * Name of the embedding bag (table).
     * (Required)
     * 
     */
    @JsonProperty("name")
    public String getName() {
        return name;
    }

    /**
     * Name of the embedding bag (table).
     * (Required)
     * 
     */
    @JsonProperty("name")
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Size of the embedding dictionary (rows).
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    public Long getNumEmbeddings() {
        return numEmbeddings;
    }

    /**
     * Size of the embedding dictionary (rows).
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    public void setNumEmbeddings(Long numEmbeddings) {
        this.numEmbeddings = numEmbeddings;
    }

    /**
     * OptimizerConfig
     * <p>
     * An optimizer: exactly one of adam, sgd and adagrad is set.
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    public OptimizerConfig__1 getOptimizer() {
        return optimizer;
    }

    /**
     * OptimizerConfig
     * <p>
     * An optimizer: exactly one of adam, sgd and adagrad is set.
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    public void setOptimizer(OptimizerConfig__1 optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * Snapshot to initialise the table from.
     * 
     */
    @JsonProperty("pretrained")
    public Object getPretrained() {
        return pretrained;
    }

    /**
     * Snapshot to initialise the table from.
     * 
     */
    @JsonProperty("pretrained")
    public void setPretrained(Object pretrained) {
        this.pretrained = pretrained;
    }

    /**
     * Directory of parquet files mapping entity id to table row.
     * 
     */
    @JsonProperty("vocab")
    public Object getVocab() {
        return vocab;
    }

    /**
     * Directory of parquet files mapping entity id to table row.
     * 
     */
    @JsonProperty("vocab")
    public void setVocab(Object vocab) {
        this.vocab = vocab;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(EmbeddingBagConfig__1 .class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("dataType");
        sb.append('=');
        sb.append(((this.dataType == null)?"<null>":this.dataType));
        sb.append(',');
        sb.append("embeddingDim");
        sb.append('=');
        sb.append(((this.embeddingDim == null)?"<null>":this.embeddingDim));
        sb.append(',');
        sb.append("name");
        sb.append('=');
        sb.append(((this.name == null)?"<null>":this.name));
        sb.append(',');
        sb.append("numEmbeddings");
        sb.append('=');
        sb.append(((this.numEmbeddings == null)?"<null>":this.numEmbeddings));
        sb.append(',');
        sb.append("optimizer");
        sb.append('=');
        sb.append(((this.optimizer == null)?"<null>":this.optimizer));
        sb.append(',');
        sb.append("pretrained");
        sb.append('=');
        sb.append(((this.pretrained == null)?"<null>":this.pretrained));
        sb.append(',');
        sb.append("vocab");
        sb.append('=');
        sb.append(((this.vocab == null)?"<null>":this.vocab));
        sb.append(',');
        if (sb.charAt((sb.length()- 1)) == ',') {
            sb.setCharAt((sb.length()- 1), ']');
        } else {
            sb.append(']');
        }
        return sb.toString();
    }

    @Override
    public int hashCode() {
        int result = 1;
        result = ((result* 31)+((this.pretrained == null)? 0 :this.pretrained.hashCode()));
        result = ((result* 31)+((this.embeddingDim == null)? 0 :this.embeddingDim.hashCode()));
        result = ((result* 31)+((this.optimizer == null)? 0 :this.optimizer.hashCode()));
        result = ((result* 31)+((this.dataType == null)? 0 :this.dataType.hashCode()));
        result = ((result* 31)+((this.name == null)? 0 :this.name.hashCode()));
        result = ((result* 31)+((this.numEmbeddings == null)? 0 :this.numEmbeddings.hashCode()));
        result = ((result* 31)+((this.vocab == null)? 0 :this.vocab.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof EmbeddingBagConfig__1) == false) {
            return false;
        }
        EmbeddingBagConfig__1 rhs = ((EmbeddingBagConfig__1) other);
        return ((((((((this.pretrained == rhs.pretrained)||((this.pretrained!= null)&&this.pretrained.equals(rhs.pretrained)))&&((this.embeddingDim == rhs.embeddingDim)||((this.embeddingDim!= null)&&this.embeddingDim.equals(rhs.embeddingDim))))&&((this.optimizer == rhs.optimizer)||((this.optimizer!= null)&&this.optimizer.equals(rhs.optimizer))))&&((this.dataType == rhs.dataType)||((this.dataType!= null)&&this.dataType.equals(rhs.dataType))))&&((this.name == rhs.name)||((this.name!= null)&&this.name.equals(rhs.name))))&&((this.numEmbeddings == rhs.numEmbeddings)||((this.numEmbeddings!= null)&&this.numEmbeddings.equals(rhs.numEmbeddings))))&&((this.vocab == rhs.vocab)||((this.vocab!= null)&&this.vocab.equals(rhs.vocab))));
    }


    /**
     * DataType
     * <p>
     * Storage type of a table's weights.
     * 
     */
    public enum DataType {

        FP_32("fp32"),
        FP_16("fp16");
        private final String value;
        private final static Map<String, EmbeddingBagConfig__1 .DataType> CONSTANTS = new HashMap<String, EmbeddingBagConfig__1 .DataType>();

        static {
            for (EmbeddingBagConfig__1 .DataType c: values()) {
                CONSTANTS.put(c.value, c);
            }
        }

        DataType(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return this.value;
        }

        @JsonValue
        public String value() {
            return this.value;
        }

        @JsonCreator
        public static EmbeddingBagConfig__1 .DataType fromValue(String value) {
            EmbeddingBagConfig__1 .DataType constant = CONSTANTS.get(value);
            if (constant == null) {
                throw new IllegalArgumentException(value);
            } else {
                return constant;
            }
        }

    }

}
