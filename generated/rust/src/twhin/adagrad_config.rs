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
#[doc = "Adagrad."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/twhin/AdagradConfig.json\","]
#[doc = "  \"title\": \"twhin.AdagradConfig\","]
#[doc = "  \"description\": \"Adagrad.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"lr\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"eps\": {"]
#[doc = "      \"description\": \"Term added for numerical stability.\","]
#[doc = "      \"default\": 0.0,"]
#[doc = "      \"type\": \"number\","]
#[doc = "      \"maximum\": 1.7976931348623157e+308,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    },"]
#[doc = "    \"lr\": {"]
#[doc = "      \"description\": \"Learning rate.\","]
#[doc = "      \"type\": \"number\","]
#[doc = "      \"maximum\": 1.7976931348623157e+308,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct TwhinAdagradConfig {
    #[doc = "Term added for numerical stability."]
    #[serde(default = "defaults::twhin_adagrad_config_eps")]
    pub eps: f64,
    #[doc = "Learning rate."]
    pub lr: f64,
}
#[doc = r" Generation of default values for serde."]
pub mod defaults {
    pub(super) fn twhin_adagrad_config_eps() -> f64 {
        0.0_f64
    }
}
