
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;


/**
 * recap.LinearRampToConstant
 * <p>
 * Ramp linearly from zero to `learning_rate` over `num_ramp_steps`, then hold it.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "learning_rate",
    "num_ramp_steps"
})
public class LinearRampToConstant {

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
        sb.append(LinearRampToConstant.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
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
        result = ((result* 31)+((this.numRampSteps == null)? 0 :this.numRampSteps.hashCode()));
        result = ((result* 31)+((this.learningRate == null)? 0 :this.learningRate.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof LinearRampToConstant) == false) {
            return false;
        }
        LinearRampToConstant rhs = ((LinearRampToConstant) other);
        return (((this.numRampSteps == rhs.numRampSteps)||((this.numRampSteps!= null)&&this.numRampSteps.equals(rhs.numRampSteps)))&&((this.learningRate == rhs.learningRate)||((this.learningRate!= null)&&this.learningRate.equals(rhs.learningRate))));
    }

}
