
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;


/**
 * recap.EmbeddingOptimizerConfig
 * <p>
 * Optimizer of a large-embedding collection (only exact SGD is supported, implicitly).
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "init_learning_rate",
    "learning_rate"
})
public class EmbeddingOptimizerConfig {

    /**
     * Initial learning rate.
     * (Required)
     * 
     */
    @JsonProperty("init_learning_rate")
    @JsonPropertyDescription("Initial learning rate.")
    @NotNull
    private Double initLearningRate;
    /**
     * Learning-rate schedule for the embedding bag collection.
     * 
     */
    @JsonProperty("learning_rate")
    @JsonPropertyDescription("Learning-rate schedule for the embedding bag collection.")
    private Object learningRate = null;

    /**
     * Initial learning rate.
     * (Required)
     * 
     */
    @JsonProperty("init_learning_rate")
    public Double getInitLearningRate() {
        return initLearningRate;
    }

    /**
     * Initial learning rate.
     * (Required)
     * 
     */
    @JsonProperty("init_learning_rate")
    public void setInitLearningRate(Double initLearningRate) {
        this.initLearningRate = initLearningRate;
    }

    /**
     * Learning-rate schedule for the embedding bag collection.
     * 
     */
    @JsonProperty("learning_rate")
    public Object getLearningRate() {
        return learningRate;
    }

    /**
     * Learning-rate schedule for the embedding bag collection.
     * 
     */
    @JsonProperty("learning_rate")
    public void setLearningRate(Object learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(EmbeddingOptimizerConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("initLearningRate");
        sb.append('=');
        sb.append(((this.initLearningRate == null)?"<null>":this.initLearningRate));
        sb.append(',');
        sb.append("learningRate");
        sb.append('=');
        sb.append(((this.learningRate == null)?"<null>":this.learningRate));
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
        result = ((result* 31)+((this.initLearningRate == null)? 0 :this.initLearningRate.hashCode()));
        result = ((result* 31)+((this.learningRate == null)? 0 :this.learningRate.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof EmbeddingOptimizerConfig) == false) {
            return false;
        }
        EmbeddingOptimizerConfig rhs = ((EmbeddingOptimizerConfig) other);
        return (((this.initLearningRate == rhs.initLearningRate)||((this.initLearningRate!= null)&&this.initLearningRate.equals(rhs.initLearningRate)))&&((this.learningRate == rhs.learningRate)||((this.learningRate!= null)&&this.learningRate.equals(rhs.learningRate))));
    }

}
