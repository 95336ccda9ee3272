//! The embedding-contract portable rules (the `x-contract-*` keywords of
//! `schemas/<version>/vocabulary.json`) as custom keywords of the `jsonschema` crate.
//!
//! The keyword table (keyword, rule, scope, argument schema, where errors point) is read from
//! the vocabulary's `x-contract-keywords`; only the checks are code, keyed by rule id
//! ([`rules::CHECKS`]). A custom keyword's error sits at the value carrying it, so its message
//! starts with the path below that value; [`locate`] joins the two.
//!
//! ```
//! use embedding_contract::{locate, Vocabulary};
//!
//! let read = |path: &str| -> serde_json::Value {  // schemas: numbers kept exact
//!     serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
//! };
//! let vocabulary = Vocabulary::load(&read("../schemas/1.1.0/vocabulary.json")).unwrap();
//! let validator = vocabulary.validator(&read("../schemas/1.1.0/recap/SmallEmbeddingsConfig.json")).unwrap();
//! // Numbers read as IEEE-754 doubles (I-JSON), as the contract says: 1.0000000000000001 is 1.
//! let config = embedding_contract::parse_config(r#"{"tables": [
//!     {"name": "a", "num_embeddings": 8, "embedding_dim": 4.0, "index": 0},
//!     {"name": "a", "num_embeddings": 8, "embedding_dim": 4, "index": 1.0000000000000001}]}"#).unwrap();
//! let errors: Vec<_> = validator.iter_errors(&config).map(|e| locate(&e)).collect();
//! assert_eq!(errors, [("/tables/1/name".to_owned(),
//!                      r#"duplicate name "a": already used by item [0] [unique-by]"#.to_owned())]);
//! ```

pub mod number;
pub mod rules;

use std::fmt;
use std::sync::Arc;

use jsonschema::error::ValidationErrorKind;
use jsonschema::{Keyword, ValidationError, ValidationOptions, Validator};
use serde_json::{json, Value};

pub use number::{as_doubles, parse_config};
use rules::{Check, Finding};

/// Which JSON values a keyword applies to (others are left to the standard keywords).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Array,
    Object,
}

/// Where a keyword's error points, relative to the value carrying it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorAt {
    Item,
    ItemKey,
    Property,
    PropertyItem,
}

/// One row of the vocabulary's table.
pub struct ContractKeyword {
    pub name: String,
    pub rule: String,
    pub applies_to: Scope,
    pub error_at: ErrorAt,
    pub argument: Value,
    pub doc: String,
    check: Check,
    argument_validator: Validator,
}

/// vocabulary.json, ready to add to `jsonschema` options.
pub struct Vocabulary {
    pub url: String,
    pub keywords: Vec<Arc<ContractKeyword>>,
}

/// vocabulary.json cannot be used: a keyword without an implementation, an unknown scope...
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabularyError(pub String);

impl fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "vocabulary.json: {}", self.0)
    }
}

impl std::error::Error for VocabularyError {}

fn text(row: &Value, key: &str) -> String {
    row.get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

impl Vocabulary {
    /// Build the keyword table from a parsed vocabulary.json; fails when it declares a keyword
    /// this crate has no check for, or a scope or error placement it does not know.
    pub fn load(document: &Value) -> Result<Vocabulary, VocabularyError> {
        let err = |m: String| VocabularyError(m);
        let url = document
            .get("$id")
            .and_then(Value::as_str)
            .ok_or_else(|| err("no $id".into()))?;
        let table = document
            .get("x-contract-keywords")
            .and_then(Value::as_object)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| err("no x-contract-keywords table".into()))?;
        let mut keywords = vec![];
        for (name, row) in table {
            let rule = text(row, "rule");
            let check = rules::check_for(&rule)
                .ok_or_else(|| err(format!("{name} (rule {rule:?}) has no implementation")))?;
            let applies_to = match text(row, "appliesTo").as_str() {
                "array" => Scope::Array,
                "object" => Scope::Object,
                other => return Err(err(format!("{name} applies to {other:?}"))),
            };
            let error_at = match text(row, "errorAt").as_str() {
                "item" => ErrorAt::Item,
                "item/key" => ErrorAt::ItemKey,
                "property" => ErrorAt::Property,
                "property/item" => ErrorAt::PropertyItem,
                other => return Err(err(format!("{name} has errorAt {other:?}"))),
            };
            let argument = row.get("argument").cloned().unwrap_or(json!({}));
            let argument_validator = jsonschema::draft202012::new(&argument)
                .map_err(|e| err(format!("{name}: bad argument schema: {e}")))?;
            keywords.push(Arc::new(ContractKeyword {
                name: name.clone(),
                rule,
                applies_to,
                error_at,
                argument,
                doc: text(row, "doc"),
                check,
                argument_validator,
            }));
        }
        keywords.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(Vocabulary {
            url: url.to_owned(),
            keywords,
        })
    }

    /// `options` with every keyword of the vocabulary added; a keyword's argument is checked
    /// against its schema when a schema compiles.
    pub fn register<'i>(&self, mut options: ValidationOptions<'i>) -> ValidationOptions<'i> {
        for keyword in &self.keywords {
            let keyword = Arc::clone(keyword);
            let name = keyword.name.clone();
            options = options.with_keyword(name, move |_parent, value, _path| {
                if !keyword.argument_validator.is_valid(value) {
                    return Err(ValidationError::schema(format!(
                        "{}: the argument {value} does not match {}",
                        keyword.name, keyword.argument
                    )));
                }
                Ok(Box::new(Declared {
                    keyword: Arc::clone(&keyword),
                    argument: value.clone(),
                }) as Box<dyn for<'x> Keyword<'x>>)
            });
        }
        options
    }

    /// A Draft 2020-12 validator for `schema` with the vocabulary.
    pub fn validator(&self, schema: &Value) -> Result<Validator, ValidationError<'static>> {
        self.register(jsonschema::options().with_draft(jsonschema::Draft::Draft202012))
            .build(schema)
    }
}

/// A keyword as one schema declares it.
struct Declared {
    keyword: Arc<ContractKeyword>,
    argument: Value,
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

impl Declared {
    fn findings(&self, instance: &Value) -> Vec<Finding> {
        let applies = match self.keyword.applies_to {
            Scope::Array => instance.is_array(),
            Scope::Object => instance.is_object(),
        };
        if applies {
            (self.keyword.check)(&self.argument, instance)
        } else {
            vec![]
        }
    }

    /// "<pointer below the carrying value>: <message> [<rule>]".
    fn message(&self, f: &Finding) -> String {
        let index = f.index.map(|i| i.to_string()).unwrap_or_default();
        let name = escape(f.name.as_deref().unwrap_or(""));
        let path = match self.keyword.error_at {
            ErrorAt::Item => format!("/{index}"),
            ErrorAt::ItemKey => format!("/{index}/{name}"),
            ErrorAt::Property => format!("/{name}"),
            ErrorAt::PropertyItem => format!("/{name}/{index}"),
        };
        format!("{path}: {} [{}]", f.message, self.keyword.rule)
    }
}

impl<'i> Keyword<'i> for Declared {
    fn validate(&self, instance: &'i Value) -> Result<(), ValidationError<'i>> {
        match self.findings(instance).first() {
            Some(f) => Err(ValidationError::custom(self.message(f))),
            None => Ok(()),
        }
    }

    fn is_valid(&self, instance: &'i Value) -> bool {
        self.findings(instance).is_empty()
    }

    fn iter_errors(
        &self,
        instance: &'i Value,
    ) -> Box<dyn Iterator<Item = ValidationError<'i>> + 'i> {
        let errors: Vec<_> = self
            .findings(instance)
            .iter()
            .map(|f| ValidationError::custom(self.message(f)))
            .collect();
        Box::new(errors.into_iter())
    }
}

/// Where an error points (a JSON pointer into the instance) and its message; for a contract
/// keyword, the carrying value's location joined with the path its message starts with.
pub fn locate(error: &ValidationError<'_>) -> (String, String) {
    let base = error.instance_path().as_str().to_owned();
    if let ValidationErrorKind::Custom { keyword, message } = error.kind() {
        if keyword.starts_with("x-contract-") {
            if let Some((path, rest)) = message.split_once(": ") {
                return (base + path, rest.to_owned());
            }
        }
    }
    (base, error.to_string())
}
