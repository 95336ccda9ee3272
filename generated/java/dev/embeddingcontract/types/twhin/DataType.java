
package dev.embeddingcontract.types.twhin;

import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;


/**
 * twhin.DataType
 * <p>
 * Storage type of a table's weights.
 * 
 */
public enum DataType {

    FP_32("fp32"),
    FP_16("fp16");
    private final String value;
    private final static Map<String, DataType> CONSTANTS = new HashMap<String, DataType>();

    static {
        for (DataType c: values()) {
            CONSTANTS.put(c.value, c);
        }
    }

    DataType(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return this.value;
    }

    @JsonValue
    public String value() {
        return this.value;
    }

    @JsonCreator
    public static DataType fromValue(String value) {
        DataType constant = CONSTANTS.get(value);
        if (constant == null) {
            throw new IllegalArgumentException(value);
        } else {
            return constant;
        }
    }

}
