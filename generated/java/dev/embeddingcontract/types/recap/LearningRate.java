
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * recap.LearningRate
 * <p>
 * A learning-rate schedule: exactly one of the four kinds is set.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "constant",
    "linear_ramp_to_constant",
    "linear_ramp_to_cosine",
    "piecewise_constant"
})
public class LearningRate {

    /**
     * A constant learning rate.
     * 
     */
    @JsonProperty("constant")
    @JsonPropertyDescription("A constant learning rate.")
    private Object constant = null;
    /**
     * Linear ramp, then constant.
     * 
     */
    @JsonProperty("linear_ramp_to_constant")
    @JsonPropertyDescription("Linear ramp, then constant.")
    private Object linearRampToConstant = null;
    /**
     * Linear ramp, then cosine decay.
     * 
     */
    @JsonProperty("linear_ramp_to_cosine")
    @JsonPropertyDescription("Linear ramp, then cosine decay.")
    private Object linearRampToCosine = null;
    /**
     * Piecewise-constant schedule.
     * 
     */
    @JsonProperty("piecewise_constant")
    @JsonPropertyDescription("Piecewise-constant schedule.")
    private Object piecewiseConstant = null;

    /**
     * A constant learning rate.
     * 
     */
    @JsonProperty("constant")
    public Object getConstant() {
        return constant;
    }

    /**
     * A constant learning rate.
     * 
     */
    @JsonProperty("constant")
    public void setConstant(Object constant) {
        this.constant = constant;
    }

    /**
     * Linear ramp, then constant.
     * 
     */
    @JsonProperty("linear_ramp_to_constant")
    public Object getLinearRampToConstant() {
        return linearRampToConstant;
    }

    /**
     * Linear ramp, then constant.
     * 
     */
    @JsonProperty("linear_ramp_to_constant")
    public void setLinearRampToConstant(Object linearRampToConstant) {
        this.linearRampToConstant = linearRampToConstant;
    }

    /**
     * Linear ramp, then cosine decay.
     * 
     */
    @JsonProperty("linear_ramp_to_cosine")
    public Object getLinearRampToCosine() {
        return linearRampToCosine;
    }

    /**
     * Linear ramp, then cosine decay.
     * 
     */
    @JsonProperty("linear_ramp_to_cosine")
    public void setLinearRampToCosine(Object linearRampToCosine) {
        this.linearRampToCosine = linearRampToCosine;
    }

    /**
     * Piecewise-constant schedule.
     * 
     */
    @JsonProperty("piecewise_constant")
    public Object getPiecewiseConstant() {
        return piecewiseConstant;
    }

    /**
     * Piecewise-constant schedule.
     * 
     */
    @JsonProperty("piecewise_constant")
    public void setPiecewiseConstant(Object piecewiseConstant) {
        this.piecewiseConstant = piecewiseConstant;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(LearningRate.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("constant");
        sb.append('=');
        sb.append(((this.constant == null)?"<null>":this.constant));
        sb.append(',');
        sb.append("linearRampToConstant");
        sb.append('=');
        sb.append(((this.linearRampToConstant == null)?"<null>":this.linearRampToConstant));
        sb.append(',');
        sb.append("linearRampToCosine");
        sb.append('=');
        sb.append(((this.linearRampToCosine == null)?"<null>":this.linearRampToCosine));
        sb.append(',');
        sb.append("piecewiseConstant");
        sb.append('=');
        sb.append(((this.piecewiseConstant == null)?"<null>":this.piecewiseConstant));
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
        result = ((result* 31)+((this.linearRampToConstant == null)? 0 :this.linearRampToConstant.hashCode()));
        result = ((result* 31)+((this.linearRampToCosine == null)? 0 :this.linearRampToCosine.hashCode()));
        result = ((result* 31)+((this.constant == null)? 0 :this.constant.hashCode()));
        result = ((result* 31)+((this.piecewiseConstant == null)? 0 :this.piecewiseConstant.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof LearningRate) == false) {
            return false;
        }
        LearningRate rhs = ((LearningRate) other);
        return (((((this.linearRampToConstant == rhs.linearRampToConstant)||((this.linearRampToConstant!= null)&&this.linearRampToConstant.equals(rhs.linearRampToConstant)))&&((this.linearRampToCosine == rhs.linearRampToCosine)||((this.linearRampToCosine!= null)&&this.linearRampToCosine.equals(rhs.linearRampToCosine))))&&((this.constant == rhs.constant)||((this.constant!= null)&&this.constant.equals(rhs.constant))))&&((this.piecewiseConstant == rhs.piecewiseConstant)||((this.piecewiseConstant!= null)&&this.piecewiseConstant.equals(rhs.piecewiseConstant))));
    }

}
