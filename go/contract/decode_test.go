package contract

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAsDoubles(t *testing.T) {
	for text, want := range map[string]string{
		"1.0000000000000001": "1",
		"1e-400":             "0",
		"-1e-400":            "0",
		"64.0":               "64.0",
		"9007199254740993":   "9007199254740992",
		"9007199254740992":   "9007199254740992",
		"0.1":                "0.1",
		"1e400":              "1e400",
		"-1e400":             "-1e400",
	} {
		got, err := DecodeConfig(strings.NewReader(`{"n": [` + text + `]}`))
		if err != nil {
			t.Fatal(err)
		}
		if n := got.(map[string]any)["n"].([]any)[0]; n != json.Number(want) {
			t.Errorf("%s: got %v, want %s", text, n, want)
		}
	}
}

func TestRoundedNumbersValidate(t *testing.T) {
	schemas, _ := latest(t)
	schema := schemas["recap.StratifierConfig"]
	for text, valid := range map[string]bool{
		"1.0000000000000001": true, "1e-400": true, "1e400": false, "9007199254740993": false,
		"9007199254740991": true,
	} {
		config := `{"name": "s", "index": ` + text + `, "value": 1}`
		instance, err := DecodeConfig(strings.NewReader(config))
		if err != nil {
			t.Fatal(err)
		}
		if err := schema.Validate(instance); (err == nil) != valid {
			t.Errorf("index %s: valid=%v, got %v", text, valid, err)
		}
	}
}
