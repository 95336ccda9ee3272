
package dev.embeddingcontract.types.recap;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * recap.SmallEmbeddingsConfig
 * <p>
 * Small tables that live inside the model and share the model's optimizer.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "tables"
})
public class SmallEmbeddingsConfig {

    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    @JsonPropertyDescription("The tables; names are unique.")
    @Size(min = 1)
    @NotNull
    private List<@Valid SmallEmbeddingBagConfig__1> tables = new ArrayList<SmallEmbeddingBagConfig__1>();

    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public List<SmallEmbeddingBagConfig__1> getTables() {
        return tables;
    }

    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public void setTables(List<SmallEmbeddingBagConfig__1> tables) {
        this.tables = tables;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(SmallEmbeddingsConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("tables");
        sb.append('=');
        sb.append(((this.tables == null)?"<null>":this.tables));
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
        result = ((result* 31)+((this.tables == null)? 0 :this.tables.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof SmallEmbeddingsConfig) == false) {
            return false;
        }
        SmallEmbeddingsConfig rhs = ((SmallEmbeddingsConfig) other);
        return ((this.tables == rhs.tables)||((this.tables!= null)&&this.tables.equals(rhs.tables)));
    }

}
