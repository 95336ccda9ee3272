// Package contract registers the embedding-contract portable rules (the x-contract-* keywords of
// schemas/<version>/vocabulary.json) as a vocabulary of github.com/santhosh-tekuri/jsonschema/v6.
//
// The keyword table (keyword, rule, scope, argument schema, where errors point) is read from the
// vocabulary's "x-contract-keywords"; only the checks are code, keyed by rule id (rules.go).
package contract

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Keyword is one row of the vocabulary's table.
type Keyword struct {
	Name      string // "x-contract-unique-by"
	Rule      string // "unique-by"
	AppliesTo string // "array" or "object": other values are left to the standard keywords
	ErrorAt   string // "item", "item/key", "property" or "property/item"
	Argument  any    // JSON Schema of the keyword's argument
	Doc       string
	check     check
}

// Vocabulary is the parsed vocabulary.json, ready to register on compilers.
type Vocabulary struct {
	URL      string
	Keywords []Keyword // sorted by name
	meta     *jsonschema.Schema
}

var errorAts = map[string]bool{"item": true, "item/key": true, "property": true, "property/item": true}

// Rules is every rule id this package implements.
func Rules() []string {
	ids := make([]string, 0, len(checks))
	for id := range checks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// Load reads vocabulary.json. It fails when the table declares a keyword this package has no
// check for, or states a scope or error placement it does not know.
func Load(vocabularyJSON []byte) (*Vocabulary, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(vocabularyJSON))
	if err != nil {
		return nil, fmt.Errorf("vocabulary.json: %w", err)
	}
	url, _ := member(doc, "$id").(string)
	table, ok := member(doc, "x-contract-keywords").(map[string]any)
	if url == "" || !ok || len(table) == 0 {
		return nil, fmt.Errorf("vocabulary.json: no $id or no x-contract-keywords table")
	}
	v := &Vocabulary{URL: url}
	arguments := map[string]any{}
	for name, row := range table {
		k := Keyword{Name: name, Argument: member(row, "argument")}
		k.Rule, _ = member(row, "rule").(string)
		k.AppliesTo, _ = member(row, "appliesTo").(string)
		k.ErrorAt, _ = member(row, "errorAt").(string)
		k.Doc, _ = member(row, "doc").(string)
		if k.check = checks[k.Rule]; k.check == nil {
			return nil, fmt.Errorf("vocabulary.json declares %s (rule %q), which has no implementation", name, k.Rule)
		}
		if k.AppliesTo != "array" && k.AppliesTo != "object" {
			return nil, fmt.Errorf("vocabulary.json: %s applies to %q", name, k.AppliesTo)
		}
		if !errorAts[k.ErrorAt] {
			return nil, fmt.Errorf("vocabulary.json: %s has errorAt %q", name, k.ErrorAt)
		}
		v.Keywords = append(v.Keywords, k)
		arguments[name] = k.Argument
	}
	sort.Slice(v.Keywords, func(i, j int) bool { return v.Keywords[i].Name < v.Keywords[j].Name })
	// The argument schemas, as the meta-schema that checks each keyword when a schema compiles.
	c := jsonschema.NewCompiler()
	metaURL := "urn:embedding-contract:vocabulary-arguments"
	if err := c.AddResource(metaURL, map[string]any{"properties": arguments}); err != nil {
		return nil, err
	}
	if v.meta, err = c.Compile(metaURL); err != nil {
		return nil, err
	}
	return v, nil
}

// Register adds the vocabulary to c and turns its assertions on (Draft 2020-12 schemas name
// only the standard meta-schema, so vocabularies are otherwise off).
func (v *Vocabulary) Register(c *jsonschema.Compiler) {
	c.RegisterVocabulary(&jsonschema.Vocabulary{URL: v.URL, Schema: v.meta, Compile: v.compile})
	c.AssertVocabs()
}

type declared struct {
	keyword  *Keyword
	argument any
}

type extension struct {
	self     *jsonschema.Schema
	keywords []declared
}

func (v *Vocabulary) compile(ctx *jsonschema.CompilerContext, obj map[string]any) (jsonschema.SchemaExt, error) {
	var found []declared
	for i := range v.Keywords {
		if argument, ok := obj[v.Keywords[i].Name]; ok {
			found = append(found, declared{&v.Keywords[i], argument})
		}
	}
	if found == nil {
		return nil, nil
	}
	// The schema object being compiled: its location is the SchemaURL of the errors.
	return &extension{ctx.Enqueue(nil), found}, nil
}

func (e *extension) Validate(ctx *jsonschema.ValidatorContext, v any) {
	for _, d := range e.keywords {
		switch v.(type) {
		case []any:
			if d.keyword.AppliesTo != "array" {
				continue
			}
		case map[string]any:
			if d.keyword.AppliesTo != "object" {
				continue
			}
		default:
			continue
		}
		for _, f := range d.keyword.check(d.argument, v) {
			location := append(append([]string{}, ctx.ValueLocation()...), place(d.keyword.ErrorAt, f)...)
			ctx.AddErr(&jsonschema.ValidationError{
				SchemaURL:        e.self.Location,
				InstanceLocation: location,
				ErrorKind:        &Violation{Keyword: d.keyword.Name, Rule: d.keyword.Rule, Message: f.message},
			})
		}
	}
}

// place is where a finding's error points, relative to the value carrying the keyword.
func place(errorAt string, f finding) []string {
	index := fmt.Sprint(f.index)
	switch errorAt {
	case "item":
		return []string{index}
	case "item/key":
		return []string{index, f.name}
	case "property":
		return []string{f.name}
	default: // property/item
		return []string{f.name, index}
	}
}

// Violation is the ErrorKind of a broken portable rule.
type Violation struct {
	Keyword string
	Rule    string
	Message string
}

func (k *Violation) KeywordPath() []string { return []string{k.Keyword} }

func (k *Violation) LocalizedString(*message.Printer) string {
	return k.Message + " [" + k.Rule + "]"
}

// Pointer writes an instance location as a JSON pointer ("" for the root).
func Pointer(location []string) string {
	var b strings.Builder
	for _, token := range location {
		b.WriteString("/" + strings.ReplaceAll(strings.ReplaceAll(token, "~", "~0"), "/", "~1"))
	}
	return b.String()
}

// Error is one leaf of a validation error tree: where (a JSON pointer into the instance) and why.
type Error struct {
	Pointer string
	Message string
}

// Errors flattens err (a *jsonschema.ValidationError) into its leaf errors, in order.
func Errors(err error) []Error {
	var root *jsonschema.ValidationError
	if !errors.As(err, &root) {
		if err != nil {
			return []Error{{"", err.Error()}}
		}
		return nil
	}
	printer := message.NewPrinter(language.English)
	var out []Error
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Error{Pointer(e.InstanceLocation), e.ErrorKind.LocalizedString(printer)})
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(root)
	return out
}
