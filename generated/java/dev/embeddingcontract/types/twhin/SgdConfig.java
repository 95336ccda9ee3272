
package dev.embeddingcontract.types.twhin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;


/**
 * twhin.SgdConfig
 * <p>
 * Stochastic gradient descent.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "lr",
    "momentum"
})
public class SgdConfig {

    /**
     * Learning rate.
     * (Required)
     * 
     */
    @JsonProperty("lr")
    @JsonPropertyDescription("Learning rate.")
    @NotNull
    private Double lr;
    /**
     * Momentum factor.
     * 
     */
    @JsonProperty("momentum")
    @JsonPropertyDescription("Momentum factor.")
    private Double momentum = 0.0D;

    /**
     * Learning rate.
     * (Required)
     * 
     */
    @JsonProperty("lr")
    public Double getLr() {
        return lr;
    }

    /**
     * Learning rate.
     * (Required)
     * 
     */
    @JsonProperty("lr")
    public void setLr(Double lr) {
        this.lr = lr;
    }

    /**
     * Momentum factor.
     * 
     */
    @JsonProperty("momentum")
    public Double getMomentum() {
        return momentum;
    }

    /**
     * Momentum factor.
     * 
     */
    @JsonProperty("momentum")
    public void setMomentum(Double momentum) {
        this.momentum = momentum;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(SgdConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("lr");
        sb.append('=');
        sb.append(((this.lr == null)?"<null>":this.lr));
        sb.append(',');
        sb.append("momentum");
        sb.append('=');
        sb.append(((this.momentum == null)?"<null>":this.momentum));
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
        result = ((result* 31)+((this.lr == null)? 0 :this.lr.hashCode()));
        result = ((result* 31)+((this.momentum == null)? 0 :this.momentum.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof SgdConfig) == false) {
            return false;
        }
        SgdConfig rhs = ((SgdConfig) other);
        return (((this.lr == rhs.lr)||((this.lr!= null)&&this.lr.equals(rhs.lr)))&&((this.momentum == rhs.momentum)||((this.momentum!= null)&&this.momentum.equals(rhs.momentum))));
    }

}
