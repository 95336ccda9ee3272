package contract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// root is the repository checkout (go/contract is two levels down).
var root = filepath.Join("..", "..")

func readJSON(t *testing.T, path string) any {
	t.Helper()
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return doc
}

// latest compiles every schema of the latest release with the vocabulary: model -> schema.
func latest(t *testing.T) (map[string]*jsonschema.Schema, *Vocabulary) {
	t.Helper()
	index := readJSON(t, filepath.Join(root, "schemas", "index.json"))
	version := member(index, "latest").(string)
	release := member(member(index, "versions"), version)
	text, err := os.ReadFile(filepath.Join(root, "schemas", version, "vocabulary.json"))
	if err != nil {
		t.Fatal(err)
	}
	vocabulary, err := Load(text)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	vocabulary.Register(c)
	models := member(release, "models").(map[string]any)
	for _, record := range models {
		id := member(record, "$id").(string)
		doc := readJSON(t, filepath.Join(root, "schemas", filepath.FromSlash(member(record, "path").(string))))
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
	}
	schemas := map[string]*jsonschema.Schema{}
	for model, record := range models {
		schema, err := c.Compile(member(record, "$id").(string))
		if err != nil {
			t.Fatalf("%s: %v", model, err)
		}
		schemas[model] = schema
	}
	return schemas, vocabulary
}

// Every vector of tests/conformance: the verdict must equal "valid".
func TestConformance(t *testing.T) {
	schemas, _ := latest(t)
	files, _ := filepath.Glob(filepath.Join(root, "tests", "conformance", "*.json"))
	sort.Strings(files)
	if len(files) == 0 {
		t.Fatal("no vectors in tests/conformance")
	}
	passed, failed := 0, 0
	for _, file := range files {
		for _, vector := range readJSON(t, file).([]any) {
			model := member(vector, "model").(string)
			name := model + ": " + member(vector, "description").(string)
			schema := schemas[model]
			if schema == nil {
				t.Errorf("%s: no schema for the model", name)
				failed++
				continue
			}
			err := schema.Validate(AsDoubles(member(vector, "instance"))) // numbers as doubles
			if (err == nil) == member(vector, "valid").(bool) {
				passed++
			} else {
				failed++
				t.Errorf("%s: expected valid=%v, got error %v", name, member(vector, "valid"), err)
			}
		}
	}
	fmt.Printf("go: %d passed, %d failed\n", passed, failed)
}

// A keyword the vocabulary declares must have an implementation, and every implementation a
// keyword (Load refuses a table naming an unknown rule).
func TestEveryDeclaredKeywordIsImplemented(t *testing.T) {
	_, vocabulary := latest(t)
	var declared []string
	for _, k := range vocabulary.Keywords {
		if k.check == nil {
			t.Errorf("%s has no check", k.Name)
		}
		declared = append(declared, k.Rule)
	}
	sort.Strings(declared)
	if fmt.Sprint(declared) != fmt.Sprint(Rules()) {
		t.Errorf("declared rules %v, implemented %v", declared, Rules())
	}
	text := []byte(`{"$id": "urn:v", "x-contract-keywords": {"x-contract-new": {"rule": "new",
		"appliesTo": "array", "errorAt": "item", "argument": {}}}}`)
	if _, err := Load(text); err == nil {
		t.Error("a keyword without an implementation was accepted")
	}
}
