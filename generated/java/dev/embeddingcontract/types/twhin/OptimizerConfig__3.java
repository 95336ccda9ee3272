
package dev.embeddingcontract.types.twhin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;


/**
 * OptimizerConfig
 * <p>
 * An optimizer: exactly one of adam, sgd and adagrad is set.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "adagrad",
    "adam",
    "learning_rate",
    "sgd"
})
public class OptimizerConfig__3 {

    /**
     * Adagrad.
     * 
     */
    @JsonProperty("adagrad")
    @JsonPropertyDescription("Adagrad.")
    private Object adagrad = null;
    /**
     * Adam.
     * 
     */
    @JsonProperty("adam")
    @JsonPropertyDescription("Adam.")
    private Object adam = null;
    /**
     * Learning-rate schedule.
     * 
     */
    @JsonProperty("learning_rate")
    @JsonPropertyDescription("Learning-rate schedule.")
    private Object learningRate = null;
    /**
     * Stochastic gradient descent.
     * 
     */
    @JsonProperty("sgd")
    @JsonPropertyDescription("Stochastic gradient descent.")
    private Object sgd = null;

    /**
     * Adagrad.
     * 
     */
    @JsonProperty("adagrad")
    public Object getAdagrad() {
        return adagrad;
    }

    /**
     * Adagrad.
     * 
     */
    @JsonProperty("adagrad")
    public void setAdagrad(Object adagrad) {
        this.adagrad = adagrad;
    }

    /**
     * Adam.
     * 
     */
    @JsonProperty("adam")
    public Object getAdam() {
        return adam;
    }

    /**
     * Adam.
     * 
     */
    @JsonProperty("adam")
    public void setAdam(Object adam) {
        this.adam = adam;
    }

    /**
     * Learning-rate schedule.
     * 
     */
    @JsonProperty("learning_rate")
    public Object getLearningRate() {
        return learningRate;
    }

    /**
     * Learning-rate schedule.
     * 
     */
    @JsonProperty("learning_rate")
    public void setLearningRate(Object learningRate) {
        this.learningRate = learningRate;
    }

    /**
     * Stochastic gradient descent.
     * 
     */
    @JsonProperty("sgd")
    public Object getSgd() {
        return sgd;
    }

    /**
     * Stochastic gradient descent.
     * 
     */
    @JsonProperty("sgd")
    public void setSgd(Object sgd) {
        this.sgd = sgd;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(OptimizerConfig__3 .class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("adagrad");
        sb.append('=');
        sb.append(((this.adagrad == null)?"<null>":this.adagrad));
        sb.append(',');
        sb.append("adam");
        sb.append('=');
        sb.append(((this.adam == null)?"<null>":this.adam));
        sb.append(',');
        sb.append("learningRate");
        sb.append('=');
        sb.append(((this.learningRate == null)?"<null>":this.learningRate));
        sb.append(',');
        sb.append("sgd");
        sb.append('=');
        sb.append(((this.sgd == null)?"<null>":this.sgd));
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
        result = ((result* 31)+((this.sgd == null)? 0 :this.sgd.hashCode()));
        result = ((result* 31)+((this.adam == null)? 0 :this.adam.hashCode()));
        result = ((result* 31)+((this.adagrad == null)? 0 :this.adagrad.hashCode()));
        result = ((result* 31)+((this.learningRate == null)? 0 :this.learningRate.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof OptimizerConfig__3) == false) {
            return false;
        }
        OptimizerConfig__3 rhs = ((OptimizerConfig__3) other);
        return (((((this.sgd == rhs.sgd)||((this.sgd!= null)&&this.sgd.equals(rhs.sgd)))&&((this.adam == rhs.adam)||((this.adam!= null)&&this.adam.equals(rhs.adam))))&&((this.adagrad == rhs.adagrad)||((this.adagrad!= null)&&this.adagrad.equals(rhs.adagrad))))&&((this.learningRate == rhs.learningRate)||((this.learningRate!= null)&&this.learningRate.equals(rhs.learningRate))));
    }

}
