
package dev.embeddingcontract.types.recap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;


/**
 * recap.StratifierConfig
 * <p>
 * A discrete feature to stratify metrics by.
 * 
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "index",
    "name",
    "value"
})
public class StratifierConfig {

    /**
     * Index of that feature in the discrete tensor.
     * (Required)
     * 
     */
    @JsonProperty("index")
    @JsonPropertyDescription("Index of that feature in the discrete tensor.")
    @DecimalMin("0")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long index;
    /**
     * Discrete feature name to stratify metrics by.
     * (Required)
     * 
     */
    @JsonProperty("name")
    @JsonPropertyDescription("Discrete feature name to stratify metrics by.")
    @Size(min = 1)
    @NotNull
    private String name;
    /**
     * Value to stratify on.
     * (Required)
     * 
     */
    @JsonProperty("value")
    @JsonPropertyDescription("Value to stratify on.")
    @DecimalMin("-9007199254740991")
    @DecimalMax("9007199254740991")
    @NotNull
    private Long value;

    /**
     * Index of that feature in the discrete tensor.
     * (Required)
     * 
     */
    @JsonProperty("index")
    public Long getIndex() {
        return index;
    }

    /**
     * Index of that feature in the discrete tensor.
     * (Required)
     * 
     */
    @JsonProperty("index")
    public void setIndex(Long index) {
        this.index = index;
    }

    /**
     * Discrete feature name to stratify metrics by.
     * (Required)
     * 
     */
    @JsonProperty("name")
    public String getName() {
        return name;
    }

    /**
     * Discrete feature name to stratify metrics by.
     * (Required)
     * 
     */
    @JsonProperty("name")
    public void setName(String name) {
        this.name = name;
    }

    /**
     * Value to stratify on.
     * (Required)
     * 
     */
    @JsonProperty("value")
    public Long getValue() {
        return value;
    }

    /**
     * Value to stratify on.
     * (Required)
     * 
     */
    @JsonProperty("value")
    public void setValue(Long value) {
        this.value = value;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(StratifierConfig.class.getName()).append('@').append(Integer.toHexString(System.identityHashCode(this))).append('[');
        sb.append("index");
        sb.append('=');
        sb.append(((this.index == null)?"<null>":this.index));
        sb.append(',');
        sb.append("name");
        sb.append('=');
        sb.append(((this.name == null)?"<null>":this.name));
        sb.append(',');
        sb.append("value");
        sb.append('=');
        sb.append(((this.value == null)?"<null>":this.value));
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
        result = ((result* 31)+((this.name == null)? 0 :this.name.hashCode()));
        result = ((result* 31)+((this.index == null)? 0 :this.index.hashCode()));
        result = ((result* 31)+((this.value == null)? 0 :this.value.hashCode()));
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if ((other instanceof StratifierConfig) == false) {
            return false;
        }
        StratifierConfig rhs = ((StratifierConfig) other);
        return ((((this.name == rhs.name)||((this.name!= null)&&this.name.equals(rhs.name)))&&((this.index == rhs.index)||((this.index!= null)&&this.index.equals(rhs.index))))&&((this.value == rhs.value)||((this.value!= null)&&this.value.equals(rhs.value))));
    }

}
