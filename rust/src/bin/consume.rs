//! Validate a config the way a service does: read the schema server's index.json, fetch the
//! vocabulary and the model's schema through the major-version alias (`/v1/...`), check each
//! against the sha256 the index states, and validate a JSON config with the contract's rules.
//!
//! `consume SERVER_URL MODEL CONFIG.json` (MODEL: `family.Class`). Exit 0: valid; 1: invalid,
//! one "POINTER: message" line per error on stderr; 2: usage, fetch or verification failure.

use std::process::exit;
use std::time::Duration;

use embedding_contract::{locate, Vocabulary};
use serde_json::Value;
use sha2::{Digest, Sha256};

const MAX_BYTES: u64 = 8 << 20; // a schema or index larger than this is refused

fn fail(message: String) -> ! {
    eprintln!("consume: {message}");
    exit(2)
}

/// GET `url`; with `sha256` the body must hash to it.
fn get(agent: &ureq::Agent, url: &str, sha256: Option<&str>) -> Vec<u8> {
    let mut response = agent
        .get(url)
        .call()
        .unwrap_or_else(|e| fail(format!("{url}: {e}")));
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .unwrap_or_else(|e| fail(format!("{url}: {e}")));
    let digest: String = Sha256::digest(&body)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if sha256.is_some_and(|want| want != digest) {
        fail(format!(
            "{url}: sha256 {digest} differs from index.json's {}",
            sha256.unwrap_or("")
        ));
    }
    body
}

fn parse(name: &str, text: &[u8]) -> Value {
    serde_json::from_slice(text).unwrap_or_else(|e| fail(format!("{name}: not JSON: {e}")))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, server, model, config_path] = &args[..] else {
        fail("usage: consume SERVER_URL MODEL CONFIG.json".into())
    };
    let server = format!("{}/", server.trim_end_matches('/'));
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into();
    let index = parse(
        "index.json",
        &get(&agent, &format!("{server}index.json"), None),
    );
    let latest = index["latest"]
        .as_str()
        .unwrap_or_else(|| fail("index.json: no latest".into()));
    let release = &index["versions"][latest];
    let record = &release["models"][model.as_str()];
    let id = record["$id"]
        .as_str()
        .unwrap_or_else(|| fail(format!("{model} is not a model of release {latest:?}")));
    let alias = format!("{server}v{}/", latest.split('.').next().unwrap_or(""));
    let (family, class) = model
        .split_once('.')
        .unwrap_or_else(|| fail(format!("{model}: not family.Class")));

    let vocabulary = parse(
        "vocabulary.json",
        &get(
            &agent,
            &format!("{alias}vocabulary.json"),
            release["vocabulary"]["sha256"].as_str(),
        ),
    );
    let vocabulary = Vocabulary::load(&vocabulary).unwrap_or_else(|e| fail(e.to_string()));
    let schema = parse(
        model,
        &get(
            &agent,
            &format!("{alias}{family}/{class}.json"),
            record["sha256"].as_str(),
        ),
    );
    if schema["$id"].as_str() != Some(id) {
        fail(format!(
            "{model}: $id {}, index.json says {id}",
            schema["$id"]
        ));
    }
    let validator = vocabulary
        .validator(&schema)
        .unwrap_or_else(|e| fail(e.to_string()));
    let text = std::fs::read(config_path).unwrap_or_else(|e| fail(format!("{config_path}: {e}")));
    // The config as the contract reads it: numbers as IEEE-754 doubles.
    let config = embedding_contract::as_doubles(parse(config_path, &text));
    let mut invalid = false;
    for error in validator.iter_errors(&config) {
        let (pointer, message) = locate(&error);
        eprintln!("{pointer}: {message}");
        invalid = true;
    }
    if invalid {
        exit(1);
    }
    println!("{config_path}: valid {model} ({id})");
}
