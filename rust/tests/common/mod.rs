//! The latest release's schemas, compiled with the vocabulary (shared by the tests).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use embedding_contract::Vocabulary;
use jsonschema::Validator;
use serde_json::Value;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn read(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn vocabulary() -> Vocabulary {
    let index = read(root().join("schemas/index.json"));
    let latest = index["latest"].as_str().expect("latest");
    Vocabulary::load(&read(
        root().join(format!("schemas/{latest}/vocabulary.json")),
    ))
    .expect("vocabulary")
}

/// model -> validator, for every model of the latest release.
pub fn validators() -> BTreeMap<String, Validator> {
    let index = read(root().join("schemas/index.json"));
    let latest = index["latest"].as_str().expect("latest");
    let vocabulary = vocabulary();
    let models = index["versions"][latest]["models"]
        .as_object()
        .expect("models");
    models
        .iter()
        .map(|(model, record)| {
            let path = record["path"].as_str().expect("path");
            let schema = read(root().join("schemas").join(path));
            let validator = vocabulary
                .validator(&schema)
                .unwrap_or_else(|e| panic!("{model}: {e}"));
            (model.clone(), validator)
        })
        .collect()
}
