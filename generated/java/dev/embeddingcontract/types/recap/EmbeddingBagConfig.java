
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * recap.EmbeddingBagConfig
 * <p>
 * One large embedding table (an embedding bag).
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "embedding_dim",
    "name",
    "num_embeddings",
    "pretrained",
    "vocab"
})
public class EmbeddingBagConfig {

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
        sb.append(EmbeddingBagConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
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
        result = ((result* 31)+((this.name == null)? 0 :this.name.hashCode()));
        result = ((result* 31)+((this.numEmbeddings == null)? 0 :this.numEmbeddings.hashCode()));
        result = ((result* 31)+((this.pretrained == null)? 0 :this.pretrained.hashCode()));
        result = ((result* 31)+((this.vocab == null)? 0 :this.vocab.hashCode()));
        result = ((result* 31)+((this.embeddingDim == null)? 0 :this.embeddingDim.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof EmbeddingBagConfig) == false) {
            return false;
        }
        EmbeddingBagConfig rhs = ((EmbeddingBagConfig) other);
        return ((((((this.name == rhs.name)||((this.name!= null)&&this.name.equals(rhs.name)))&&((this.numEmbeddings == rhs.numEmbeddings)||((this.numEmbeddings!= null)&&this.numEmbeddings.equals(rhs.numEmbeddings))))&&((this.pretrained == rhs.pretrained)||((this.pretrained!= null)&&this.pretrained.equals(rhs.pretrained))))&&((this.vocab == rhs.vocab)||((this.vocab!= null)&&this.vocab.equals(rhs.vocab))))&&((this.embeddingDim == rhs.embeddingDim)||((this.embeddingDim!= null)&&this.embeddingDim.equals(rhs.embeddingDim))));
    }

}
