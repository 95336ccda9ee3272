
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
 * recap.SmallEmbeddingBagConfig
 * <p>
 * One small embedding table, kept inside the model.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "embedding_dim",
    "index",
    "name",
    "num_embeddings"
})
public class SmallEmbeddingBagConfig {

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
     * Index in the discrete-feature tensor to look up.
     * (Required)
     * 
     */
    @JsonProperty("index")
    @JsonPropertyDescription("Index in the discrete-feature tensor to look up.")
    @DecimalMin("0")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long index;
    /**
     * Name of the embedding bag.
     * (Required)
     * 
     */
    @JsonProperty("name")
    @JsonPropertyDescription("Name of the embedding bag.")
    @Size(min = 1)
    @NotNull
    private String name;
    /**
     * Size of the embedding dictionary.
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    @JsonPropertyDescription("Size of the embedding dictionary.")
    @DecimalMin("1")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long numEmbeddings;

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
     * Index in the discrete-feature tensor to look up.
     * (Required)
     * 
     */
    @JsonProperty("index")
    public Long getIndex() {
        return index;
    }

    /**
     * Index in the discrete-feature tensor to look up.
     * (Required)
     * 
     */
    @JsonProperty("index")
    public void setIndex(Long index) {
        this.index = index;
    }

    /**
     * Name of the embedding bag.
     * (Required)
     * 
     */
    @JsonProperty("name")
    public String getName() {
        return name;
    }

    /**
     * Name of the embedding bag.
     * (Required)
     * 
     */
    @JsonProperty("name")
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Size of the embedding dictionary.
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    public Long getNumEmbeddings() {
        return numEmbeddings;
    }

    /**
     * Size of the embedding dictionary.
     * (Required)
     * 
     */
    @JsonProperty("num_embeddings")
    public void setNumEmbeddings(Long numEmbeddings) {
        this.numEmbeddings = numEmbeddings;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(SmallEmbeddingBagConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("embeddingDim");
        sb.append('=');
        sb.append(((this.embeddingDim == null)?"<null>":this.embeddingDim));
        sb.append(',');
        sb.append("index");
        sb.append('=');
        sb.append(((this.index == null)?"<null>":this.index));
        sb.append(',');
        sb.append("name");
        sb.append('=');
        sb.append(((this.name == null)?"<null>":this.name));
        sb.append(',');
        sb.append("numEmbeddings");
        sb.append('=');
        sb.append(((this.numEmbeddings == null)?"<null>":this.numEmbeddings));
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
        result = ((result* 31)+((this.index == null)? 0 :this.index.hashCode()));
        result = ((result* 31)+((this.numEmbeddings == null)? 0 :this.numEmbeddings.hashCode()));
        result = ((result* 31)+((this.embeddingDim == null)? 0 :this.embeddingDim.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof SmallEmbeddingBagConfig) == false) {
            return false;
        }
        SmallEmbeddingBagConfig rhs = ((SmallEmbeddingBagConfig) other);
        return (((((this.name == rhs.name)||((this.name!= null)&&this.name.equals(rhs.name)))&&((this.index == rhs.index)||((this.index!= null)&&this.index.equals(rhs.index))))&&((this.numEmbeddings == rhs.numEmbeddings)||((this.numEmbeddings!= null)&&this.numEmbeddings.equals(rhs.numEmbeddings))))&&((this.embeddingDim == rhs.embeddingDim)||((this.embeddingDim!= null)&&this.embeddingDim.equals(rhs.embeddingDim))));
    }

}
