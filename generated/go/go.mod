module github.com/embedding-contract/embedding-contract/generated/go

go 1.22

require github.com/embedding-contract/embedding-contract/go v0.0.0

require (
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3 // indirect
	golang.org/x/text v0.14.0 // indirect
)

replace github.com/embedding-contract/embedding-contract/go => ../../go
