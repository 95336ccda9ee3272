
package dev.embeddingcontract.types.twhin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.NotNull;


/**
 * twhin.AdagradConfig
 * <p>
 * Adagrad.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "eps",
    "lr"
})
public class AdagradConfig {

    /**
     * Term added for numerical stability.
     * 
     */
    @JsonProperty("eps")
    @JsonPropertyDescription("Term added for numerical stability.")
    private Double eps = 0.0D;
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
     * Term added for numerical stability.
     * 
     */
    @JsonProperty("eps")
    public Double getEps() {
        return eps;
    }

    /**
     * Term added for numerical stability.
     * 
     */
    @JsonProperty("eps")
    public void setEps(Double eps) {
        this.eps = eps;
    }

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

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(AdagradConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("eps");
        sb.append('=');
        sb.append(((this.eps == null)?"<null>":this.eps));
        sb.append(',');
        sb.append("lr");
        sb.append('=');
        sb.append(((this.lr == null)?"<null>":this.lr));
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
        result = ((result* 31)+((this.eps == null)? 0 :this.eps.hashCode()));
        result = ((result* 31)+((this.lr == null)? 0 :this.lr.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof AdagradConfig) == false) {
            return false;
        }
        AdagradConfig rhs = ((AdagradConfig) other);
        return (((this.eps == rhs.eps)||((this.eps!= null)&&this.eps.equals(rhs.eps)))&&((this.lr == rhs.lr)||((this.lr!= null)&&this.lr.equals(rhs.lr))));
    }

}
