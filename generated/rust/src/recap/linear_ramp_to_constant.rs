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
#[doc = "Ramp linearly from zero to `learning_rate` over `num_ramp_steps`, then hold it."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/recap/LinearRampToConstant.json\","]
#[doc = "  \"title\": \"recap.LinearRampToConstant\","]
#[doc = "  \"description\": \"Ramp linearly from zero to `learning_rate` over `num_ramp_steps`, then hold it.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"learning_rate\","]
#[doc = "    \"num_ramp_steps\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"learning_rate\": {"]
#[doc = "      \"description\": \"Learning rate reached after the ramp.\","]
#[doc = "      \"type\": \"number\","]
#[doc = "      \"maximum\": 1.7976931348623157e+308,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    },"]
#[doc = "    \"num_ramp_steps\": {"]
#[doc = "      \"description\": \"Steps to ramp up from zero.\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 1.0"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RecapLinearRampToConstant {
    #[doc = "Learning rate reached after the ramp."]
    pub learning_rate: f64,
    #[doc = "Steps to ramp up from zero."]
    pub num_ramp_steps: ::std::num::NonZeroU64,
}
