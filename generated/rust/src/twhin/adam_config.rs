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
#[doc = "Adam."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/twhin/AdamConfig.json\","]
#[doc = "  \"title\": \"twhin.AdamConfig\","]
#[doc = "  \"description\": \"Adam.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"lr\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"betas\": {"]
#[doc = "      \"description\": \"Coefficients of the running averages, each in [0, 1).\","]
#[doc = "      \"default\": ["]
#[doc = "        0.9,"]
#[doc = "        0.999"]
#[doc = "      ],"]
#[doc = "      \"type\": \"array\","]
#[doc = "      \"maxItems\": 2,"]
#[doc = "      \"minItems\": 2,"]
#[doc = "      \"prefixItems\": ["]
#[doc = "        {"]
#[doc = "          \"exclusiveMaximum\": 1,"]
#[doc = "          \"minimum\": 0,"]
#[doc = "          \"type\": \"number\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"exclusiveMaximum\": 1,"]
#[doc = "          \"minimum\": 0,"]
#[doc = "          \"type\": \"number\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"eps\": {"]
#[doc = "      \"description\": \"Term added for numerical stability.\","]
#[doc = "      \"default\": 1e-7,"]
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
pub struct TwhinAdamConfig {
    #[doc = "Coefficients of the running averages, each in [0, 1)."]
    #[serde(default = "defaults::twhin_adam_config_betas")]
    pub betas: [::serde_json::Value; 2usize],
    #[doc = "Term added for numerical stability."]
    #[serde(default = "defaults::twhin_adam_config_eps")]
    pub eps: f64,
    #[doc = "Learning rate."]
    pub lr: f64,
}
#[doc = r" Generation of default values for serde."]
pub mod defaults {
    pub(super) fn default_i64<T, const V: i64>() -> T
    where
        T: ::std::convert::TryFrom<i64>,
        <T as ::std::convert::TryFrom<i64>>::Error: ::std::fmt::Debug,
    {
        T::try_from(V).unwrap()
    }
    pub(super) fn twhin_adam_config_betas() -> [::serde_json::Value; 2usize] {
        [
            ::serde_json::from_str::<::serde_json::Value>("0.9").unwrap(),
            ::serde_json::from_str::<::serde_json::Value>("0.999").unwrap(),
        ]
    }
    pub(super) fn twhin_adam_config_eps() -> f64 {
        1e-7_f64
    }
}
