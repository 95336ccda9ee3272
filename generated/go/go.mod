module github.com/embedding-contract/embedding-contract/generated/go

go 1.22
