//! JSON numbers compared exactly (serde_json with `arbitrary_precision` keeps each number's text;
//! `4` equals `4.0`), and [`as_doubles`], which first rounds a config's numbers to doubles as the
//! contract reads them (`1.0000000000000001` is 1; `1e400`, beyond the doubles, stays exact).

use std::cmp::Ordering;

use serde_json::Value;

/// value = sign × 0.digits × 10^point, digits without leading or trailing zeros ("" for zero).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    negative: bool,
    digits: String,
    point: i64,
}

/// Absurd exponents saturate (the schemas' standard bounds reject such numbers anyway).
const MAX_EXPONENT: i64 = 1 << 40;

impl Decimal {
    /// A JSON number's text (`-12.5e3`); None if it is not one.
    pub fn parse(text: &str) -> Option<Decimal> {
        let (negative, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let lower = rest.to_ascii_lowercase();
        let (mantissa, exponent) = match lower.split_once('e') {
            Some((m, e)) => (m.to_owned(), Some(e.to_owned())),
            None => (lower.clone(), None),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((&mantissa, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) {
            return None;
        }
        let mut exp: i64 = 0;
        if let Some(e) = exponent {
            let (sign, body) = match e.as_bytes().first() {
                Some(b'-') => (-1, &e[1..]),
                Some(b'+') => (1, &e[1..]),
                _ => (1, &e[..]),
            };
            if body.is_empty() || !digits(body) {
                return None;
            }
            for b in body.bytes() {
                if exp < MAX_EXPONENT {
                    exp = exp * 10 + i64::from(b - b'0');
                }
            }
            exp *= sign;
        }
        let all = format!("{whole}{fraction}");
        let trimmed = all.trim_start_matches('0');
        exp += whole.len() as i64 - (all.len() - trimmed.len()) as i64;
        let digits = trimmed.trim_end_matches('0').to_owned();
        if digits.is_empty() {
            return Some(Decimal {
                negative: false,
                digits,
                point: 0,
            }); // -0 and 0.0 are zero
        }
        Some(Decimal {
            negative,
            digits,
            point: exp,
        })
    }

    /// The exact value of a JSON number; None for anything else (booleans included).
    pub fn of(value: &Value) -> Option<Decimal> {
        match value {
            Value::Number(n) => Decimal::parse(&n.to_string()),
            _ => None,
        }
    }

    fn sign(&self) -> i8 {
        if self.digits.is_empty() {
            0
        } else if self.negative {
            -1
        } else {
            1
        }
    }

    /// The same string for equal numbers (4, 4.0 and 40e-1).
    pub fn key(&self) -> String {
        if self.digits.is_empty() {
            return "0".to_owned();
        }
        format!(
            "{}0.{}e{}",
            if self.negative { "-" } else { "" },
            self.digits,
            self.point
        )
    }

    /// The value as an i64 when it is an integer with |n| < 10^18.
    pub fn to_i64(&self) -> Option<i64> {
        if self.digits.is_empty() {
            return Some(0);
        }
        if self.point > 18 || self.digits.len() as i64 > self.point {
            return None;
        }
        let mut n: i64 = 0;
        for i in 0..self.point as usize {
            n = n * 10
                + self
                    .digits
                    .as_bytes()
                    .get(i)
                    .map_or(0, |b| i64::from(b - b'0'));
        }
        Some(if self.negative { -n } else { n })
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b) = (self.sign(), other.sign());
        if a != b || a == 0 {
            return a.cmp(&b);
        }
        let magnitude = self
            .point
            .cmp(&other.point)
            .then_with(|| self.digits.cmp(&other.digits));
        if a < 0 {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

/// Every number of a config instance replaced by its nearest IEEE-754 double when that double is
/// finite, as the contract reads numbers (I-JSON; Pydantic, ajv and networknt do the same):
/// `1.0000000000000001` becomes `1`, `1e-400` becomes `0`, `2^53+1` becomes `9007199254740992`.
/// A number already written as its double keeps its text (`64.0`, `0.1`); one whose rounding
/// overflows (`1e400`) stays exact, so the schemas' finite `maximum` rejects it.
pub fn as_doubles(value: Value) -> Value {
    match value {
        Value::Array(items) => Value::Array(items.into_iter().map(as_doubles).collect()),
        Value::Object(members) => Value::Object(
            members
                .into_iter()
                .map(|(k, v)| (k, as_doubles(v)))
                .collect(),
        ),
        Value::Number(n) => Value::Number(nearest_double(n)),
        other => other,
    }
}

fn nearest_double(n: serde_json::Number) -> serde_json::Number {
    let text = n.to_string();
    let Ok(d) = text.parse::<f64>() else { return n };
    if !d.is_finite() {
        return n;
    }
    if d == 0.0 {
        return serde_json::Number::from(0u64);
    }
    let shortest = serde_json::Number::from_f64(d).expect("finite");
    if Decimal::parse(&text).is_some()
        && Decimal::parse(&text) == Decimal::parse(&shortest.to_string())
    {
        return n; // the text already is the double's value
    }
    if d.fract() == 0.0 && d.abs() < 9.2e18 {
        return serde_json::Number::from(d as i64); // integers without an exponent or ".0"
    }
    shortest
}

/// Parse a config instance as the contract reads it: JSON, then [`as_doubles`].
pub fn parse_config(text: &str) -> serde_json::Result<Value> {
    serde_json::from_str(text).map(as_doubles)
}

#[cfg(test)]
mod tests {
    use super::{parse_config, Decimal};
    use serde_json::Value;

    #[test]
    fn orders_exactly() {
        let order = [
            "-1e400",
            "-2",
            "-1.5",
            "0",
            "1e-400",
            "0.5",
            "1",
            "1.0000000000000001",
            "2",
            "9007199254740993",
            "1e19",
            "1e400",
        ];
        for (i, a) in order.iter().enumerate() {
            for (j, b) in order.iter().enumerate() {
                let (x, y) = (Decimal::parse(a).unwrap(), Decimal::parse(b).unwrap());
                assert_eq!(x.cmp(&y), i.cmp(&j), "{a} vs {b}");
            }
        }
        for (a, b) in [("4", "4.0"), ("40e-1", "4"), ("0.00", "-0"), ("1E2", "100")] {
            assert_eq!(
                Decimal::parse(a).unwrap().key(),
                Decimal::parse(b).unwrap().key()
            );
        }
        assert_eq!(Decimal::parse("-12.0").unwrap().to_i64(), Some(-12));
        assert_eq!(Decimal::parse("1e19").unwrap().to_i64(), None);
        assert!(Decimal::parse("x").is_none());
    }

    fn rounded(text: &str) -> String {
        parse_config(text).expect("json").to_string()
    }

    #[test]
    fn numbers_become_their_nearest_double() {
        assert_eq!(rounded("1.0000000000000001"), "1");
        assert_eq!(rounded("1e-400"), "0");
        assert_eq!(rounded("-1e-400"), "0");
        assert_eq!(rounded("9007199254740993"), "9007199254740992");
        assert_eq!(rounded("9007199254740992"), "9007199254740992");
        assert_eq!(rounded("64.0"), "64.0");
        assert_eq!(rounded("0.1"), "0.1");
        assert_eq!(rounded("0.10000000000000000001"), "0.1");
        // Out of the double range: kept exact (as serde_json prints it).
        let huge: Value = serde_json::from_str("[1e400, -1e400]").unwrap();
        assert_eq!(rounded("[1e400, -1e400]"), huge.to_string());
        assert_eq!(
            Decimal::of(&parse_config("1e400").unwrap()),
            Decimal::parse("1e400")
        );
        assert_eq!(rounded(r#"{"a": [1.0000000000000001]}"#), r#"{"a":[1]}"#);
    }
}
