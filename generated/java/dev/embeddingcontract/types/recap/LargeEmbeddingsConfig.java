
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
 * recap.LargeEmbeddingsConfig
 * <p>
 * Large tables gathered into one TorchRec EmbeddingBagCollection.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "optimizer",
    "tables",
    "tables_to_log"
})
public class LargeEmbeddingsConfig {

    /**
     * EmbeddingOptimizerConfig
     * <p>
     * Optimizer of a large-embedding collection (only exact SGD is supported, implicitly).
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    @JsonPropertyDescription("Optimizer of a large-embedding collection (only exact SGD is supported, implicitly).")
    @Valid
    @NotNull
    private EmbeddingOptimizerConfig__1 optimizer;
    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    @JsonPropertyDescription("The tables; names are unique.")
    @Size(min = 1)
    @NotNull
    private List<@Valid EmbeddingBagConfig__1> tables = new ArrayList<EmbeddingBagConfig__1>();
    /**
     * Names of tables whose weights are logged during training.
     * 
     */
    @JsonProperty("tables_to_log")
    @JsonPropertyDescription("Names of tables whose weights are logged during training.")
    private Object tablesToLog = null;

    /**
     * EmbeddingOptimizerConfig
     * <p>
     * Optimizer of a large-embedding collection (only exact SGD is supported, implicitly).
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    public EmbeddingOptimizerConfig__1 getOptimizer() {
        return optimizer;
    }

    /**
     * EmbeddingOptimizerConfig
     * <p>
     * Optimizer of a large-embedding collection (only exact SGD is supported, implicitly).
     * (Required)
     * 
     */
    @JsonProperty("optimizer")
    public void setOptimizer(EmbeddingOptimizerConfig__1 optimizer) {
        this.optimizer = optimizer;
    }

    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public List<EmbeddingBagConfig__1> getTables() {
        return tables;
    }

    /**
     * The tables; names are unique.
     * (Required)
     * 
     */
    @JsonProperty("tables")
    public void setTables(List<EmbeddingBagConfig__1> tables) {
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
        sb.append(LargeEmbeddingsConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("optimizer");
        sb.append('=');
        sb.append(((this.optimizer == null)?"<null>":this.optimizer));
        sb.append(',');
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
        result = ((result* 31)+((this.optimizer == null)? 0 :this.optimizer.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof LargeEmbeddingsConfig) == false) {
            return false;
        }
        LargeEmbeddingsConfig rhs = ((LargeEmbeddingsConfig) other);
        return ((((this.tablesToLog == rhs.tablesToLog)||((this.tablesToLog!= null)&&this.tablesToLog.equals(rhs.tablesToLog)))&&((this.tables == rhs.tables)||((this.tables!= null)&&this.tables.equals(rhs.tables))))&&((this.optimizer == rhs.optimizer)||((this.optimizer!= null)&&this.optimizer.equals(rhs.optimizer))));
    }

}
