#![allow(clippy::redundant_closure_call)]
#![allow(clippy::needless_lifetimes)]
#![allow(clippy::match_single_binding)]
#![allow(clippy::clone_on_copy)]

#[doc = r" Error types."]
pub mod error {
    #[doc = r" Error from a `TryFrom` or `FromStr` implementation."]
    pub struct ConversionError(::std::borrow::Cow<'static, str>);
    impl ::std::error::Error for ConversionError {}
    impl ::std::fmt::Display for ConversionError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
            ::std::fmt::Display::fmt(&self.0, f)
        }
    }
    impl ::std::fmt::Debug for ConversionError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
            ::std::fmt::Debug::fmt(&self.0, f)
        }
    }
    impl From<&'static str> for ConversionError {
        fn from(value: &'static str) -> Self {
            Self(value.into())
        }
    }
    impl From<String> for ConversionError {
        fn from(value: String) -> Self {
            Self(value.into())
        }
    }
}
#[doc = "Constant learning rate between step boundaries: `values[i]` holds until `boundaries[i]`.\n\nUpstream defaults both lists to None, but no schedule can run without them, so both are\nrequired here: absent and null are rejected, as they would fail training."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/recap/PiecewiseConstant.json\","]
#[doc = "  \"title\": \"recap.PiecewiseConstant\","]
#[doc = "  \"description\": \"Constant learning rate between step boundaries: `values[i]` holds until `boundaries[i]`.\\n\\nUpstream defaults both lists to None, but no schedule can run without them, so both are\\nrequired here: absent and null are rejected, as they would fail training.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"learning_rate_boundaries\","]
#[doc = "    \"learning_rate_values\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"learning_rate_boundaries\": {"]
#[doc = "      \"description\": \"Steps at which the learning rate changes, strictly increasing.\","]
#[doc = "      \"type\": \"array\","]
#[doc = "      \"items\": {"]
#[doc = "        \"type\": \"integer\","]
#[doc = "        \"maximum\": 9007199254740991.0,"]
#[doc = "        \"minimum\": 0.0"]
#[doc = "      },"]
#[doc = "      \"x-contract-strictly-increasing\": true"]
#[doc = "    },"]
#[doc = "    \"learning_rate_values\": {"]
#[doc = "      \"description\": \"Learning rates: one before the first boundary and one after each boundary.\","]
#[doc = "      \"type\": \"array\","]
#[doc = "      \"items\": {"]
#[doc = "        \"type\": \"number\","]
#[doc = "        \"maximum\": 1.7976931348623157e+308,"]
#[doc = "        \"minimum\": 0.0"]
#[doc = "      },"]
#[doc = "      \"minItems\": 1"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false,"]
#[doc = "  \"x-contract-length-relation\": ["]
#[doc = "    {"]
#[doc = "      \"offset\": 1,"]
#[doc = "      \"other\": \"learning_rate_boundaries\","]
#[doc = "      \"property\": \"learning_rate_values\""]
#[doc = "    }"]
#[doc = "  ]"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RecapPiecewiseConstant {
    #[doc = "Steps at which the learning rate changes, strictly increasing."]
    pub learning_rate_boundaries: ::std::vec::Vec<i64>,
    #[doc = "Learning rates: one before the first boundary and one after each boundary."]
    pub learning_rate_values: ::std::vec::Vec<f64>,
}
