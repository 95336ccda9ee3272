//! The checks: the only code per rule, keyed by rule id; everything else about a keyword comes
//! from vocabulary.json. Semantics and messages follow python/embedding_contract/vocabulary/rules/:
//! a check ignores values of the wrong shape (the standard keywords beside it report those) and
//! runs in linear time.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::number::Decimal;

/// One violation as a check sees it: the array item it concerns, the key or property of the
/// argument it concerns. Where its error points is the keyword's `errorAt`, not the check's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub index: Option<usize>,
    pub name: Option<String>,
    pub message: String,
}

pub type Check = fn(argument: &Value, instance: &Value) -> Vec<Finding>;

/// Every implemented rule: rule id -> check.
pub const CHECKS: &[(&str, Check)] = &[
    ("unique-by", unique_by),
    ("equal-across", equal_across),
    ("strictly-increasing", strictly_increasing),
    ("references", references),
    ("length-relation", length_relation),
    ("greater-than", greater_than),
];

pub fn check_for(rule: &str) -> Option<Check> {
    CHECKS
        .iter()
        .find(|(id, _)| *id == rule)
        .map(|(_, check)| *check)
}

/// A key or member of an object; None when absent or not an object.
fn member<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    value.as_object().and_then(|object| object.get(key))
}

/// A typed identity for a scalar ("1", 1 and true differ; 4 and 4.0 do not).
fn scalar_key(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(format!("s{s}")),
        Value::Bool(b) => Some(format!("b{b}")),
        number @ Value::Number(_) => Decimal::of(number).map(|d| format!("n{}", d.key())),
        _ => None,
    }
}

/// A value as the config wrote it (numbers as written).
fn show(value: Option<&Value>) -> String {
    value.map_or_else(|| "null".to_owned(), Value::to_string)
}

fn finding(index: Option<usize>, name: &str, message: String) -> Finding {
    Finding {
        index,
        name: Some(name.to_owned()),
        message,
    }
}

fn unique_by(argument: &Value, instance: &Value) -> Vec<Finding> {
    let (Some(key), Some(items)) = (argument.as_str(), instance.as_array()) else {
        return vec![];
    };
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut out = vec![];
    for (index, item) in items.iter().enumerate() {
        let value = member(item, key);
        let Some(id) = scalar_key(value) else {
            continue;
        };
        match first.get(&id) {
            Some(seen) => out.push(finding(
                Some(index),
                key,
                format!(
                    "duplicate {key} {}: already used by item [{seen}]",
                    show(value)
                ),
            )),
            None => {
                first.insert(id, index);
            }
        }
    }
    out
}

fn equal_across(argument: &Value, instance: &Value) -> Vec<Finding> {
    let (Some(keys), Some(items)) = (argument.as_array(), instance.as_array()) else {
        return vec![];
    };
    let Some(head) = items.first() else {
        return vec![];
    };
    let mut out = vec![];
    for key in keys.iter().filter_map(Value::as_str) {
        let Some(expected) = scalar_key(member(head, key)) else {
            continue;
        };
        for (index, item) in items.iter().enumerate().skip(1) {
            let value = member(item, key);
            if scalar_key(value).is_some_and(|found| found != expected) {
                out.push(finding(
                    Some(index),
                    key,
                    format!(
                        "{key} is {} here but {} in item [0]; all items must share one {key}",
                        show(value),
                        show(member(head, key))
                    ),
                ));
            }
        }
    }
    out
}

fn strictly_increasing(argument: &Value, instance: &Value) -> Vec<Finding> {
    let (Some(true), Some(items)) = (argument.as_bool(), instance.as_array()) else {
        return vec![];
    };
    let mut out = vec![];
    for index in 1..items.len() {
        let (before, value) = (&items[index - 1], &items[index]);
        if let (Some(b), Some(v)) = (Decimal::of(before), Decimal::of(value)) {
            if v <= b {
                out.push(Finding {
                    index: Some(index),
                    name: None,
                    message: format!("{value} is not greater than the item before it ({before})"),
                });
            }
        }
    }
    out
}

/// One object-scope rule per item of the argument (a list of objects).
fn each(argument: &Value, rule: impl Fn(&dyn Fn(&str) -> String) -> Vec<Finding>) -> Vec<Finding> {
    let mut out = vec![];
    for item in argument.as_array().into_iter().flatten() {
        let text = |key: &str| {
            member(item, key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        out.extend(rule(&text));
    }
    out
}

fn references(argument: &Value, instance: &Value) -> Vec<Finding> {
    each(argument, |text| {
        let (property, target, key) = (text("property"), text("target"), text("key"));
        let (Some(names), Some(targets)) = (
            member(instance, &property).and_then(Value::as_array),
            member(instance, &target).and_then(Value::as_array),
        ) else {
            return vec![];
        };
        let known: HashSet<String> = targets
            .iter()
            .filter_map(|item| scalar_key(member(item, &key)))
            .collect();
        names
            .iter()
            .enumerate()
            .filter(|(_, name)| {
                name.is_string() && !known.contains(&scalar_key(Some(name)).unwrap_or_default())
            })
            .map(|(index, name)| {
                finding(
                    Some(index),
                    &property,
                    format!("{name} names no item of {target} (by {key})"),
                )
            })
            .collect()
    })
}

fn length_relation(argument: &Value, instance: &Value) -> Vec<Finding> {
    let mut out = vec![];
    for item in argument.as_array().into_iter().flatten() {
        let text = |key: &str| {
            member(item, key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let (property, other) = (text("property"), text("other"));
        let (Some(value), Some(base)) = (
            member(instance, &property).and_then(Value::as_array),
            member(instance, &other).and_then(Value::as_array),
        ) else {
            continue;
        };
        let offset_value = member(item, "offset");
        // An offset beyond i64 is never met: no array is that long.
        let offset = offset_value.and_then(Decimal::of).and_then(|d| d.to_i64());
        if offset.is_some_and(|o| value.len() as i64 == base.len() as i64 + o) {
            continue;
        }
        let shown = show(offset_value);
        let (sign, magnitude) = match shown.strip_prefix('-') {
            Some(rest) => ("-", rest.to_owned()),
            None => ("+", shown.clone()),
        };
        let expected = offset.map_or_else(
            || format!("{} + {shown}", base.len()),
            |o| (base.len() as i64 + o).to_string(),
        );
        out.push(finding(
            None,
            &property,
            format!(
                "{property} has {} items but needs len({other}) {sign} {magnitude} = {expected}",
                value.len()
            ),
        ));
    }
    out
}

fn greater_than(argument: &Value, instance: &Value) -> Vec<Finding> {
    each(argument, |text| {
        let (property, than) = (text("property"), text("than"));
        let (value, other) = (member(instance, &property), member(instance, &than));
        match (value.and_then(Decimal::of), other.and_then(Decimal::of)) {
            (Some(v), Some(o)) if v <= o => vec![finding(
                None,
                &property,
                format!(
                    "{property} ({}) must be greater than {than} ({})",
                    show(value),
                    show(other)
                ),
            )],
            _ => vec![],
        }
    })
}
