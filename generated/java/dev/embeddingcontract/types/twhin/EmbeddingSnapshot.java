
package dev.embeddingcontract.types.twhin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * twhin.EmbeddingSnapshot
 * <p>
 * A pretrained embedding table to initialise from: a table inside a torchsnapshot.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "emb_name",
    "embedding_snapshot_uri"
})
public class EmbeddingSnapshot {

    /**
     * Name of the embedding table inside the loaded snapshot.
     * (Required)
     * 
     */
    @JsonProperty("emb_name")
    @JsonPropertyDescription("Name of the embedding table inside the loaded snapshot.")
    @Size(min = 1)
    @NotNull
    private String embName;
    /**
     * Path to the torchsnapshot of the embedding.
     * (Required)
     * 
     */
    @JsonProperty("embedding_snapshot_uri")
    @JsonPropertyDescription("Path to the torchsnapshot of the embedding.")
    @Size(min = 1)
    @NotNull
    private String embeddingSnapshotUri;

    /**
     * Name of the embedding table inside the loaded snapshot.
     * (Required)
     * 
     */
    @JsonProperty("emb_name")
    public String getEmbName() {
        return embName;
    }

    /**
     * Name of the embedding table inside the loaded snapshot.
     * (Required)
     * 
     */
    @JsonProperty("emb_name")
    public void setEmbName(String embName) {
        this.embName = embName;
    }

    /**
     * Path to the torchsnapshot of the embedding.
     * (Required)
     * 
     */
    @JsonProperty("embedding_snapshot_uri")
    public String getEmbeddingSnapshotUri() {
        return embeddingSnapshotUri;
    }

    /**
     * Path to the torchsnapshot of the embedding.
     * (Required)
     * 
     */
    @JsonProperty("embedding_snapshot_uri")
    public void setEmbeddingSnapshotUri(String embeddingSnapshotUri) {
        this.embeddingSnapshotUri = embeddingSnapshotUri;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(EmbeddingSnapshot.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("embName");
        sb.append('=');
        sb.append(((this.embName == null)?"<null>":this.embName));
        sb.append(',');
        sb.append("embeddingSnapshotUri");
        sb.append('=');
        sb.append(((this.embeddingSnapshotUri == null)?"<null>":this.embeddingSnapshotUri));
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
        result = ((result* 31)+((this.embeddingSnapshotUri == null)? 0 :this.embeddingSnapshotUri.hashCode()));
        result = ((result* 31)+((this.embName == null)? 0 :this.embName.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof EmbeddingSnapshot) == false) {
            return false;
        }
        EmbeddingSnapshot rhs = ((EmbeddingSnapshot) other);
        return (((this.embeddingSnapshotUri == rhs.embeddingSnapshotUri)||((this.embeddingSnapshotUri!= null)&&this.embeddingSnapshotUri.equals(rhs.embeddingSnapshotUri)))&&((this.embName == rhs.embName)||((this.embName!= null)&&this.embName.equals(rhs.embName))));
    }

}
