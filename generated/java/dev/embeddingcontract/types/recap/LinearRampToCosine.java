
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;


/**
 * recap.LinearRampToCosine
 * <p>
 * Ramp linearly to `learning_rate`, then decay along a cosine to `final_learning_rate`.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "final_learning_rate",
    "final_num_steps",
    "learning_rate",
    "num_ramp_steps"
})
public class LinearRampToCosine {

    /**
     * Learning rate when decay stops.
     * (Required)
     * 
     */
    @JsonProperty("final_learning_rate")
    @JsonPropertyDescription("Learning rate when decay stops.")
    @NotNull
    private Double finalLearningRate;
    /**
     * Final step where decay stops; after the ramp (> num_ramp_steps).
     * (Required)
     * 
     */
    @JsonProperty("final_num_steps")
    @JsonPropertyDescription("Final step where decay stops; after the ramp (> num_ramp_steps).")
    @DecimalMin("1")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long finalNumSteps;
    /**
     * Learning rate reached after the ramp.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate")
    @JsonPropertyDescription("Learning rate reached after the ramp.")
    @NotNull
    private Double learningRate;
    /**
     * Steps to ramp up from zero.
     * (Required)
     * 
     */
    @JsonProperty("num_ramp_steps")
    @JsonPropertyDescription("Steps to ramp up from zero.")
    @DecimalMin("1")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long numRampSteps;

    /**
     * Learning rate when decay stops.
     * (Required)
     * 
     */
    @JsonProperty("final_learning_rate")
    public Double getFinalLearningRate() {
        return finalLearningRate;
    }

    /**
     * Learning rate when decay stops.
     * (Required)
     * 
     */
    @JsonProperty("final_learning_rate")
    public void setFinalLearningRate(Double finalLearningRate) {
        this.finalLearningRate = finalLearningRate;
    }

    /**
     * Final step where decay stops; after the ramp (> num_ramp_steps).
     * (Required)
     * 
     */
    @JsonProperty("final_num_steps")
    public Long getFinalNumSteps() {
        return finalNumSteps;
    }

    /**
     * Final step where decay stops; after the ramp (> num_ramp_steps).
     * (Required)
     * 
     */
    @JsonProperty("final_num_steps")
    public void setFinalNumSteps(Long finalNumSteps) {
        this.finalNumSteps = finalNumSteps;
    }

    /**
     * Learning rate reached after the ramp.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate")
    public Double getLearningRate() {
        return learningRate;
    }

    /**
     * Learning rate reached after the ramp.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate")
    public void setLearningRate(Double learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * Steps to ramp up from zero.
     * (Required)
     * 
     */
    @JsonProperty("num_ramp_steps")
    public Long getNumRampSteps() {
        return numRampSteps;
    }

    /**
     * Steps to ramp up from zero.
     * (Required)
     * 
     */
    @JsonProperty("num_ramp_steps")
    public void setNumRampSteps(Long numRampSteps) {
        this.numRampSteps = numRampSteps;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(LinearRampToCosine.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("finalLearningRate");
        sb.append('=');
        sb.append(((this.finalLearningRate == null)?"<null>":this.finalLearningRate));
        sb.append(',');
        sb.append("finalNumSteps");
        sb.append('=');
        sb.append(((this.finalNumSteps == null)?"<null>":this.finalNumSteps));
        sb.append(',');
        sb.append("learningRate");
        sb.append('=');
        sb.append(((this.learningRate == null)?"<null>":this.learningRate));
        sb.append(',');
        sb.append("numRampSteps");
        sb.append('=');
        sb.append(((this.numRampSteps == null)?"<null>":this.numRampSteps));
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
        result = ((result* 31)+((this.finalLearningRate == null)? 0 :this.finalLearningRate.hashCode()));
        result = ((result* 31)+((this.finalNumSteps == null)? 0 :this.finalNumSteps.hashCode()));
        result = ((result* 31)+((this.numRampSteps == null)? 0 :this.numRampSteps.hashCode()));
        result = ((result* 31)+((this.learningRate == null)? 0 :this.learningRate.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof LinearRampToCosine) == false) {
            return false;
        }
        LinearRampToCosine rhs = ((LinearRampToCosine) other);
        return (((((this.finalLearningRate == rhs.finalLearningRate)||((this.finalLearningRate!= null)&&this.finalLearningRate.equals(rhs.finalLearningRate)))&&((this.finalNumSteps == rhs.finalNumSteps)||((this.finalNumSteps!= null)&&this.finalNumSteps.equals(rhs.finalNumSteps))))&&((this.numRampSteps == rhs.numRampSteps)||((this.numRampSteps!= null)&&this.numRampSteps.equals(rhs.numRampSteps))))&&((this.learningRate == rhs.learningRate)||((this.learningRate!= null)&&this.learningRate.equals(rhs.learningRate))));
    }

}
