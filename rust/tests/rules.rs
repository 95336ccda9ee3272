mod common;

use embedding_contract::{locate, Vocabulary};
use serde_json::{json, Value};

const VALID: &str = r#"{"optimizer": {"init_learning_rate": 0.01, "learning_rate": {"constant": 0.01}},
 "tables": [{"embedding_dim": 64, "name": "user", "num_embeddings": 1000},
            {"embedding_dim": 32, "name": "tweet", "num_embeddings": 500}],
 "tables_to_log": ["user"]}"#;

fn errors(config: &str) -> Vec<String> {
    let validators = common::validators();
    let instance: Value = embedding_contract::parse_config(config).expect("json");
    let mut out: Vec<String> = validators["recap.LargeEmbeddingsConfig"]
        .iter_errors(&instance)
        .map(|e| {
            let (at, message) = locate(&e);
            format!("{at} {message}")
        })
        .collect();
    out.sort();
    out
}

#[test]
fn errors_point_where_the_table_says() {
    let config = VALID.replacen("\"tweet\"", "\"user\"", 1).replacen(
        "[\"user\"]",
        "[\"user\", \"item\"]",
        1,
    );
    let got = errors(&config).join("\n");
    for want in [
        r#"/tables/1/name duplicate name "user": already used by item [0] [unique-by]"#,
        r#"/tables_to_log/1 "item" names no item of tables (by name) [references]"#,
    ] {
        assert!(got.contains(want), "missing {want:?} in:\n{got}");
    }
}

/// serde_json with arbitrary_precision keeps every number's text; the schema bounds do the rest.
#[test]
fn number_edge_cases() {
    let cases = [
        ("\"embedding_dim\": 64", "\"embedding_dim\": 64.0", true),
        ("\"embedding_dim\": 64", "\"embedding_dim\": 6.4e1", true),
        (
            "\"embedding_dim\": 64",
            "\"embedding_dim\": 9007199254740991",
            true,
        ),
        (
            "\"embedding_dim\": 64",
            "\"embedding_dim\": 9007199254740992",
            false,
        ),
        (
            "\"embedding_dim\": 64",
            "\"embedding_dim\": 9007199254740993",
            false,
        ),
        ("\"embedding_dim\": 64", "\"embedding_dim\": 1e19", false),
        ("\"embedding_dim\": 64", "\"embedding_dim\": 64.5", false),
        ("\"embedding_dim\": 64", "\"embedding_dim\": -0.0", false),
        (
            "\"init_learning_rate\": 0.01",
            "\"init_learning_rate\": 1e400",
            false,
        ),
        (
            "\"init_learning_rate\": 0.01",
            "\"init_learning_rate\": 1e308",
            true,
        ),
        (
            "\"init_learning_rate\": 0.01",
            "\"init_learning_rate\": 1.0000000000000001",
            true,
        ),
    ];
    for (old, new, valid) in cases {
        let found = errors(&VALID.replacen(old, new, 1));
        assert_eq!(found.is_empty(), valid, "{new}: {found:?}");
    }
}

#[test]
fn every_declared_keyword_is_implemented() {
    let vocabulary = common::vocabulary();
    let mut declared: Vec<_> = vocabulary.keywords.iter().map(|k| k.rule.clone()).collect();
    let mut implemented: Vec<_> = embedding_contract::rules::CHECKS
        .iter()
        .map(|(id, _)| id.to_string())
        .collect();
    declared.sort();
    implemented.sort();
    assert_eq!(declared, implemented);
    let unknown = json!({"$id": "urn:v", "x-contract-keywords": {"x-contract-new": {
        "rule": "new", "appliesTo": "array", "errorAt": "item", "argument": {}}}});
    assert!(Vocabulary::load(&unknown).is_err());
}

#[test]
fn a_bad_argument_is_refused_when_a_schema_compiles() {
    let vocabulary = common::vocabulary();
    assert!(vocabulary
        .validator(&json!({"x-contract-unique-by": ""}))
        .is_err());
    assert!(vocabulary
        .validator(&json!({"x-contract-unique-by": "name"}))
        .is_ok());
}

#[test]
fn numbers_are_read_as_doubles() {
    let validators = common::validators();
    let stratifier = &validators["recap.StratifierConfig"];
    for (index, valid) in [
        ("1.0000000000000001", true),
        ("1e-400", true),
        ("1e400", false),
        ("9007199254740993", false),
        ("9007199254740991", true),
    ] {
        let config = format!(r#"{{"name": "s", "index": {index}, "value": 1}}"#);
        let instance = embedding_contract::parse_config(&config).expect("json");
        assert_eq!(stratifier.is_valid(&instance), valid, "index {index}");
    }
}
