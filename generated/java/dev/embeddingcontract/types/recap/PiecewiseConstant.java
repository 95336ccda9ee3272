
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
 * recap.PiecewiseConstant
 * <p>
 * Constant learning rate between step boundaries: `values[i]` holds until `boundaries[i]`.
 * 
 * Upstream defaults both lists to None, but no schedule can run without them, so both are
 * required here: absent and null are rejected, as they would fail training.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "learning_rate_boundaries",
    "learning_rate_values"
})
public class PiecewiseConstant {

    /**
     * Steps at which the learning rate changes, strictly increasing.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_boundaries")
    @JsonPropertyDescription("Steps at which the learning rate changes, strictly increasing.")
    @NotNull
    private List<@Valid Long> learningRateBoundaries = new ArrayList<Long>();
    /**
     * Learning rates: one before the first boundary and one after each boundary.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_values")
    @JsonPropertyDescription("Learning rates: one before the first boundary and one after each boundary.")
    @Size(min = 1)
    @NotNull
    private List<@Valid Double> learningRateValues = new ArrayList<Double>();

    /**
     * Steps at which the learning rate changes, strictly increasing.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_boundaries")
    public List<Long> getLearningRateBoundaries() {
        return learningRateBoundaries;
    }

    /**
     * Steps at which the learning rate changes, strictly increasing.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_boundaries")
    public void setLearningRateBoundaries(List<Long> learningRateBoundaries) {
        this.learningRateBoundaries = learningRateBoundaries;
    }

    /**
     * Learning rates: one before the first boundary and one after each boundary.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_values")
    public List<Double> getLearningRateValues() {
        return learningRateValues;
    }

    /**
     * Learning rates: one before the first boundary and one after each boundary.
     * (Required)
     * 
     */
    @JsonProperty("learning_rate_values")
    public void setLearningRateValues(List<Double> learningRateValues) {
        this.learningRateValues = learningRateValues;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(PiecewiseConstant.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("learningRateBoundaries");
        sb.append('=');
        sb.append(((this.learningRateBoundaries == null)?"<null>":this.learningRateBoundaries));
        sb.append(',');
        sb.append("learningRateValues");
        sb.append('=');
        sb.append(((this.learningRateValues == null)?"<null>":this.learningRateValues));
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
        result = ((result* 31)+((this.learningRateBoundaries == null)? 0 :this.learningRateBoundaries.hashCode()));
        result = ((result* 31)+((this.learningRateValues == null)? 0 :this.learningRateValues.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof PiecewiseConstant) == false) {
            return false;
        }
        PiecewiseConstant rhs = ((PiecewiseConstant) other);
        return (((this.learningRateBoundaries == rhs.learningRateBoundaries)||((this.learningRateBoundaries!= null)&&this.learningRateBoundaries.equals(rhs.learningRateBoundaries)))&&((this.learningRateValues == rhs.learningRateValues)||((this.learningRateValues!= null)&&this.learningRateValues.equals(rhs.learningRateValues))));
    }

}
