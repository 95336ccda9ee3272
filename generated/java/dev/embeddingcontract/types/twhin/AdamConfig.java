
package dev.embeddingcontract.types.twhin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * twhin.AdamConfig
 * <p>
 * Adam.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "betas",
    "eps",
    "lr"
})
public class AdamConfig {

    /**
     * Coefficients of the running averages, each in [0, 1).
     * 
     */
    @JsonProperty("betas")
    @JsonPropertyDescription("Coefficients of the running averages, each in [0, 1).")
    @Size(min = 2, max = 2)
    private List<@Valid Object> betas = new ArrayList<Object>(Arrays.asList(null, null));
    /**
     * Term added for numerical stability.
     * 
     */
    @JsonProperty("eps")
    @JsonPropertyDescription("Term added for numerical stability.")
    private Double eps = 1.0E-7D;
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
     * Coefficients of the running averages, each in [0, 1).
     * 
     */
    @JsonProperty("betas")
    public List<Object> getBetas() {
        return betas;
    }

    /**
     * Coefficients of the running averages, each in [0, 1).
     * 
     */
    @JsonProperty("betas")
    public void setBetas(List<Object> betas) {
        this.betas = betas;
    }

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
        sb.append(AdamConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("betas");
        sb.append('=');
        sb.append(((this.betas == null)?"<null>":this.betas));
        sb.append(',');
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
        result = ((result* 31)+((this.betas == null)? 0 :this.betas.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof AdamConfig) == false) {
            return false;
        }
        AdamConfig rhs = ((AdamConfig) other);
        return ((((this.eps == rhs.eps)||((this.eps!= null)&&this.eps.equals(rhs.eps)))&&((this.lr == rhs.lr)||((this.lr!= null)&&this.lr.equals(rhs.lr))))&&((this.betas == rhs.betas)||((this.betas!= null)&&this.betas.equals(rhs.betas))));
    }

}
