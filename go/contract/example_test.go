package contract_test

import (
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/embedding-contract/embedding-contract/go/contract"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The usage example of docs/cross-language.md (a test checks the two stay the same).
func Example() {
	text, _ := os.ReadFile("../../schemas/1.1.0/vocabulary.json")
	vocabulary, err := contract.Load(text) // the keyword table of vocabulary.json
	if err != nil {
		log.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	vocabulary.Register(c) // x-contract-* keywords, asserted
	schema, err := c.Compile("../../schemas/1.1.0/recap/SmallEmbeddingsConfig.json")
	if err != nil {
		log.Fatal(err)
	}
	config, _ := contract.DecodeConfig(strings.NewReader( // numbers read as doubles (I-JSON)
		`{"tables": [{"name": "a", "num_embeddings": 8, "embedding_dim": 4.0, "index": 0},
		             {"name": "a", "num_embeddings": 8, "embedding_dim": 4, "index": 1}]}`))
	for _, e := range contract.Errors(schema.Validate(config)) {
		fmt.Println(e.Pointer, e.Message)
	}
	// Output: /tables/1/name duplicate name "a": already used by item [0] [unique-by]
}
