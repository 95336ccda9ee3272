package contract

import (
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const valid = `{"optimizer": {"init_learning_rate": 0.01, "learning_rate": {"constant": 0.01}},
 "tables": [{"embedding_dim": 64, "name": "user", "num_embeddings": 1000},
            {"embedding_dim": 32, "name": "tweet", "num_embeddings": 500}],
 "tables_to_log": ["user"]}`

// leaves lists "pointer message" for every leaf error, sorted.
func leaves(err error) []string {
	var out []string
	for _, e := range Errors(err) {
		out = append(out, e.Pointer+" "+e.Message)
	}
	sort.Strings(out)
	return out
}

func validate(t *testing.T, config string) []string {
	t.Helper()
	schemas, _ := latest(t)
	instance, err := DecodeConfig(strings.NewReader(config))
	if err != nil {
		t.Fatal(err)
	}
	return leaves(schemas["recap.LargeEmbeddingsConfig"].Validate(instance))
}

func TestErrorsPointWhereTheTableSays(t *testing.T) {
	config := strings.Replace(valid, `"tweet"`, `"user"`, 1)
	config = strings.Replace(config, `["user"]`, `["user", "item"]`, 1)
	got := strings.Join(validate(t, config), "\n")
	for _, want := range []string{
		`/tables/1/name duplicate name "user": already used by item [0] [unique-by]`,
		`/tables_to_log/1 "item" names no item of tables (by name) [references]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
}

// Numbers are decoded as json.Number and compared exactly; the schema's bounds do the rest.
func TestNumberEdgeCases(t *testing.T) {
	cases := map[string]bool{
		`"embedding_dim": 64.0`:                    true,
		`"embedding_dim": 6.4e1`:                   true,
		`"embedding_dim": 9007199254740991`:        true,
		`"embedding_dim": 9007199254740992`:        false,
		`"embedding_dim": 9007199254740993`:        false,
		`"embedding_dim": 1e19`:                    false,
		`"embedding_dim": 64.5`:                    false,
		`"embedding_dim": -0.0`:                    false,
		`"init_learning_rate": 1e400`:              false,
		`"init_learning_rate": 1e308`:              true,
		`"init_learning_rate": 1.0000000000000001`: true,
	}
	for field, want := range cases {
		key := strings.SplitN(field, ":", 2)[0]
		old := map[string]string{`"embedding_dim"`: `"embedding_dim": 64`,
			`"init_learning_rate"`: `"init_learning_rate": 0.01`}[key]
		errs := validate(t, strings.Replace(valid, old, field, 1))
		if (len(errs) == 0) != want {
			t.Errorf("%s: valid=%v, errors %v", field, len(errs) == 0, errs)
		}
	}
}

func TestDecimal(t *testing.T) {
	order := []string{"-1e400", "-2", "-1.5", "-0.0", "0", "1e-400", "0.5", "1", "1.0000000000000001",
		"2", "9007199254740993", "1e19", "1e400"}
	for i := range order {
		for j := range order {
			a, okA := parseDecimal(jsonNumber(order[i]))
			b, okB := parseDecimal(jsonNumber(order[j]))
			want := compareInts(int64(i), int64(j))
			if (order[i] == "-0.0" && order[j] == "0") || (order[i] == "0" && order[j] == "-0.0") {
				want = 0
			}
			if !okA || !okB || a.cmp(b) != want {
				t.Errorf("cmp(%s, %s) = %d, want %d", order[i], order[j], a.cmp(b), want)
			}
		}
	}
	for _, same := range [][2]string{{"4", "4.0"}, {"40e-1", "4"}, {"0.00", "-0"}, {"1E2", "100"}} {
		a, _ := parseDecimal(jsonNumber(same[0]))
		b, _ := parseDecimal(jsonNumber(same[1]))
		if a.key() != b.key() {
			t.Errorf("%s and %s differ: %s %s", same[0], same[1], a.key(), b.key())
		}
	}
	if n, ok := integer(jsonNumber("-12.0")); !ok || n != -12 {
		t.Errorf("integer(-12.0) = %d %v", n, ok)
	}
}

// A bad argument fails when the schema compiles (the vocabulary checks it).
func TestBadArgumentIsRefused(t *testing.T) {
	_, vocabulary := latest(t)
	c := jsonschema.NewCompiler()
	vocabulary.Register(c)
	if err := c.AddResource("urn:bad", map[string]any{"x-contract-unique-by": ""}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Compile("urn:bad"); err == nil {
		t.Error(`"x-contract-unique-by": "" compiled`)
	}
}
