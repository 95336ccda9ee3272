package contract

import (
	"encoding/json"
	"strconv"
)

// member reads a key of an object; a missing key, or a value that is not an object, is nil.
func member(value any, key string) any {
	if object, ok := value.(map[string]any); ok {
		return object[key]
	}
	return nil
}

// number is a JSON number's exact value; ok is false for anything else (booleans included).
func number(value any) (decimal, bool) {
	switch n := value.(type) {
	case json.Number:
		return parseDecimal(n)
	case float64: // values decoded without UseNumber
		return parseDecimal(json.Number(strconv.FormatFloat(n, 'g', -1, 64)))
	case int:
		return parseDecimal(json.Number(strconv.Itoa(n)))
	}
	return decimal{}, false
}

// scalarKey is a typed identity for a scalar ("1", 1 and true differ; 4 and 4.0 do not), or ""
// for anything else.
func scalarKey(value any) string {
	switch v := value.(type) {
	case string:
		return "s" + v
	case bool:
		return "b" + strconv.FormatBool(v)
	}
	if n, ok := number(value); ok {
		return "n" + n.key()
	}
	return ""
}

// show writes a value the way the config did (numbers as written).
func show(value any) string {
	if n, ok := value.(json.Number); ok {
		return string(n)
	}
	text, err := json.Marshal(value)
	if err != nil {
		return "…"
	}
	return string(text)
}
