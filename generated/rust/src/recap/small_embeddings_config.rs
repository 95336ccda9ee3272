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
#[doc = "Small tables that live inside the model and share the model's optimizer."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/recap/SmallEmbeddingsConfig.json\","]
#[doc = "  \"title\": \"recap.SmallEmbeddingsConfig\","]
#[doc = "  \"description\": \"Small tables that live inside the model and share the model's optimizer.\","]
#[doc = "  \"examples\": ["]
#[doc = "    {"]
#[doc = "      \"tables\": ["]
#[doc = "        {"]
#[doc = "          \"embedding_dim\": 8,"]
#[doc = "          \"index\": 0,"]
#[doc = "          \"name\": \"country\","]
#[doc = "          \"num_embeddings\": 256"]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    }"]
#[doc = "  ],"]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"tables\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"tables\": {"]
#[doc = "      \"description\": \"The tables; names are unique.\","]
#[doc = "      \"type\": \"array\","]
#[doc = "      \"items\": {"]
#[doc = "        \"$ref\": \"#/$defs/SmallEmbeddingBagConfig\""]
#[doc = "      },"]
#[doc = "      \"minItems\": 1,"]
#[doc = "      \"x-contract-unique-by\": \"name\""]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct RecapSmallEmbeddingsConfig {
    #[doc = "The tables; names are unique."]
    pub tables: ::std::vec::Vec<SmallEmbeddingBagConfig>,
}
#[doc = "One small embedding table, kept inside the model."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"SmallEmbeddingBagConfig\","]
#[doc = "  \"description\": \"One small embedding table, kept inside the model.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"embedding_dim\","]
#[doc = "    \"index\","]
#[doc = "    \"name\","]
#[doc = "    \"num_embeddings\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"embedding_dim\": {"]
#[doc = "      \"description\": \"Size of each embedding vector.\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 1.0"]
#[doc = "    },"]
#[doc = "    \"index\": {"]
#[doc = "      \"description\": \"Index in the discrete-feature tensor to look up.\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    },"]
#[doc = "    \"name\": {"]
#[doc = "      \"description\": \"Name of the embedding bag.\","]
#[doc = "      \"type\": \"string\","]
#[doc = "      \"minLength\": 1"]
#[doc = "    },"]
#[doc = "    \"num_embeddings\": {"]
#[doc = "      \"description\": \"Size of the embedding dictionary.\","]
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
pub struct SmallEmbeddingBagConfig {
    #[doc = "Size of each embedding vector."]
    pub embedding_dim: ::std::num::NonZeroU64,
    #[doc = "Index in the discrete-feature tensor to look up."]
    pub index: i64,
    #[doc = "Name of the embedding bag."]
    pub name: SmallEmbeddingBagConfigName,
    #[doc = "Size of the embedding dictionary."]
    pub num_embeddings: ::std::num::NonZeroU64,
}
#[doc = "Name of the embedding bag."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"description\": \"Name of the embedding bag.\","]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct SmallEmbeddingBagConfigName(::std::string::String);
impl ::std::ops::Deref for SmallEmbeddingBagConfigName {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<SmallEmbeddingBagConfigName> for ::std::string::String {
    fn from(value: SmallEmbeddingBagConfigName) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for SmallEmbeddingBagConfigName {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for SmallEmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for SmallEmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for SmallEmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for SmallEmbeddingBagConfigName {
    fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
    where
        D: ::serde::Deserializer<'de>,
    {
        ::std::string::String::deserialize(deserializer)?
            .parse()
            .map_err(|e: self::error::ConversionError| {
                <D::Error as ::serde::de::Error>::custom(e.to_string())
            })
    }
}
