
package dev.embeddingcontract.types.twhin;

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
 * twhin.TwhinEmbeddingsConfig
 * <p>
 * TwHIN's tables: all share one embedding_dim and one data_type.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "tables",
    "tables_to_log"
})
public class TwhinEmbeddingsConfig {

    /**
     * The tables; names are unique; all share embedding_dim and data_type.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    @JsonPropertyDescription("The tables; names are unique; all share embedding_dim and data_type.")
    @Size(min = 1)
    @NotNull
    private List<@Valid EmbeddingBagConfig__2> tables = new ArrayList<EmbeddingBagConfig__2>();
    /**
     * Names of tables whose weights are logged during training.
     * 
     */
    @JsonProperty("tables_to_log")
    @JsonPropertyDescription("Names of tables whose weights are logged during training.")
    private Object tablesToLog = null;

    /**
     * The tables; names are unique; all share embedding_dim and data_type.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public List<EmbeddingBagConfig__2> getTables() {
        return tables;
    }

    /**
     * The tables; names are unique; all share embedding_dim and data_type.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public void setTables(List<EmbeddingBagConfig__2> tables) {
        this.tables = tables;
    }

    /**
     * Names of tables whose weights are logged during training.
     * 
     */
    @JsonProperty("tables_to_log")
    public Object getTablesToLog() {
        return tablesToLog;
    }

    /**
     * Names of tables whose weights are logged during training.
     * 
     */
    @JsonProperty("tables_to_log")
    public void setTablesToLog(Object tablesToLog) {
        this.tablesToLog = tablesToLog;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(TwhinEmbeddingsConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("tables");
        sb.append('=');
        sb.append(((this.tables == null)?"<null>":this.tables));
        sb.append(',');
        sb.append("tablesToLog");
        sb.append('=');
        sb.append(((this.tablesToLog == null)?"<null>":this.tablesToLog));
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
        result = ((result* 31)+((this.tablesToLog == null)? 0 :this.tablesToLog.hashCode()));
        result = ((result* 31)+((this.tables == null)? 0 :this.tables.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof TwhinEmbeddingsConfig) == false) {
            return false;
        }
        TwhinEmbeddingsConfig rhs = ((TwhinEmbeddingsConfig) other);
        return (((this.tablesToLog == rhs.tablesToLog)||((this.tablesToLog!= null)&&this.tablesToLog.equals(rhs.tablesToLog)))&&((this.tables == rhs.tables)||((this.tables!= null)&&this.tables.equals(rhs.tables))));
    }

}
