package contract

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/big"
	"strconv"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// DecodeConfig reads one JSON document (a config instance) and returns it with AsDoubles
// applied: the contract reads numbers as IEEE-754 doubles (I-JSON), as Pydantic, ajv and
// networknt do.
func DecodeConfig(r io.Reader) (any, error) {
	doc, err := jsonschema.UnmarshalJSON(r)
	if err != nil {
		return nil, err
	}
	return AsDoubles(doc), nil
}

// AsDoubles replaces every number of a decoded document (json.Number, as jsonschema.UnmarshalJSON
// gives) by its nearest double when that double is finite: 1.0000000000000001 becomes 1, 1e-400
// becomes 0, 2^53+1 becomes 9007199254740992. A number the double holds exactly keeps its text
// (64.0 stays 64.0); one whose rounding overflows (1e400) stays exact, so the schemas' finite
// maximum rejects it. Maps and slices are updated in place and returned.
func AsDoubles(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, item := range v {
			v[k] = AsDoubles(item)
		}
		return v
	case []any:
		for i, item := range v {
			v[i] = AsDoubles(item)
		}
		return v
	case json.Number:
		return nearestDouble(v)
	}
	return v
}

func nearestDouble(n json.Number) json.Number {
	d, err := strconv.ParseFloat(string(n), 64)
	if errors.Is(err, strconv.ErrSyntax) || math.IsInf(d, 0) || math.IsNaN(d) {
		return n
	}
	exact, ok := new(big.Rat).SetString(string(n))
	if ok && exact.Cmp(new(big.Rat).SetFloat64(d)) == 0 {
		return n
	}
	if d == 0 {
		return json.Number("0")
	}
	if d == math.Trunc(d) && math.Abs(d) < 1e21 {
		return json.Number(strconv.FormatFloat(d, 'f', -1, 64)) // integers without an exponent
	}
	return json.Number(strconv.FormatFloat(d, 'g', -1, 64))
}
