// Command consume validates a config the way a service does: it reads the schema server's
// index.json, fetches the vocabulary and the model's schema through the major-version alias
// (/v1/...), checks each against the sha256 the index states, and validates a JSON config
// with the contract's rules.
//
//	consume SERVER_URL MODEL CONFIG.json     (MODEL: family.Class, e.g. recap.LargeEmbeddingsConfig)
//
// Exit 0: valid; 1: invalid, one "POINTER: message" line per error on stderr; 2: usage, fetch
// or verification failure.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/embedding-contract/embedding-contract/go/contract"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const maxBytes = 8 << 20 // a schema or index larger than this is refused

var client = &http.Client{Timeout: 20 * time.Second}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "consume: "+format+"\n", args...)
	os.Exit(2)
}

// get fetches url; with sha != "" the body must hash to it.
func get(url, sha string) []byte {
	response, err := client.Get(url)
	if err != nil {
		fail("%s: %v", url, err)
	}
	defer response.Body.Close()
	body, err := io.ReadAll(io.LimitReader(response.Body, maxBytes+1))
	if err != nil || len(body) > maxBytes {
		fail("%s: unreadable or larger than %d bytes", url, maxBytes)
	}
	if response.StatusCode != http.StatusOK {
		fail("%s: HTTP %d", url, response.StatusCode)
	}
	if digest := sha256.Sum256(body); sha != "" && hex.EncodeToString(digest[:]) != sha {
		fail("%s: sha256 %x differs from index.json's %s", url, digest, sha)
	}
	return body
}

func parse(name string, text []byte) any {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(text))
	if err != nil {
		fail("%s: not JSON: %v", name, err)
	}
	return doc
}

// parseConfig reads the config as the contract does: numbers as IEEE-754 doubles.
func parseConfig(name string, text []byte) any {
	doc, err := contract.DecodeConfig(bytes.NewReader(text))
	if err != nil {
		fail("%s: not JSON: %v", name, err)
	}
	return doc
}

func field(value any, keys ...string) any {
	for _, key := range keys {
		object, _ := value.(map[string]any)
		value = object[key]
	}
	return value
}

func main() {
	if len(os.Args) != 4 {
		fail("usage: consume SERVER_URL MODEL CONFIG.json")
	}
	server, model, configPath := strings.TrimSuffix(os.Args[1], "/")+"/", os.Args[2], os.Args[3]
	index := parse("index.json", get(server+"index.json", ""))
	latest, _ := field(index, "latest").(string)
	release := field(index, "versions", latest)
	record := field(release, "models", model)
	if record == nil {
		fail("%s is not a model of release %q", model, latest)
	}
	alias := server + "v" + strings.SplitN(latest, ".", 2)[0] + "/"
	family, class, _ := strings.Cut(model, ".")
	vocabularySha, _ := field(release, "vocabulary", "sha256").(string)
	schemaSha, _ := field(record, "sha256").(string)
	id, _ := field(record, "$id").(string)

	vocabulary, err := contract.Load(get(alias+"vocabulary.json", vocabularySha))
	if err != nil {
		fail("%v", err)
	}
	schema := parse(model, get(alias+family+"/"+class+".json", schemaSha))
	if field(schema, "$id") != id {
		fail("%s: $id %v, index.json says %s", model, field(schema, "$id"), id)
	}
	c := jsonschema.NewCompiler()
	vocabulary.Register(c)
	if err := c.AddResource(id, schema); err != nil {
		fail("%v", err)
	}
	compiled, err := c.Compile(id)
	if err != nil {
		fail("%v", err)
	}
	text, err := os.ReadFile(configPath)
	if err != nil {
		fail("%v", err)
	}
	errs := contract.Errors(compiled.Validate(parseConfig(configPath, text)))
	for _, e := range errs {
		fmt.Fprintf(os.Stderr, "%s: %s\n", e.Pointer, e.Message)
	}
	if len(errs) > 0 {
		os.Exit(1)
	}
	fmt.Printf("%s: valid %s (%s)\n", configPath, model, id)
}
