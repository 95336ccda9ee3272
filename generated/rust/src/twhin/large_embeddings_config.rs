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
#[doc = "  \"title\": \"AdagradConfig\","]
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
pub struct AdagradConfig {
    #[doc = "Term added for numerical stability."]
    #[serde(default = "defaults::adagrad_config_eps")]
    pub eps: f64,
    #[doc = "Learning rate."]
    pub lr: f64,
}
#[doc = "Adam."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"AdamConfig\","]
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
pub struct AdamConfig {
    #[doc = "Coefficients of the running averages, each in [0, 1)."]
    #[serde(default = "defaults::adam_config_betas")]
    pub betas: [::serde_json::Value; 2usize],
    #[doc = "Term added for numerical stability."]
    #[serde(default = "defaults::adam_config_eps")]
    pub eps: f64,
    #[doc = "Learning rate."]
    pub lr: f64,
}
#[doc = "Storage type of a table's weights."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"DataType\","]
#[doc = "  \"description\": \"Storage type of a table's weights.\","]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"enum\": ["]
#[doc = "    \"fp32\","]
#[doc = "    \"fp16\""]
#[doc = "  ]"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum DataType {
    #[serde(rename = "fp32")]
    Fp32,
    #[serde(rename = "fp16")]
    Fp16,
}
impl ::std::fmt::Display for DataType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Fp32 => f.write_str("fp32"),
            Self::Fp16 => f.write_str("fp16"),
        }
    }
}
impl ::std::str::FromStr for DataType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "fp32" => Ok(Self::Fp32),
            "fp16" => Ok(Self::Fp16),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for DataType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for DataType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for DataType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "One embedding table with its own optimizer and data type."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"EmbeddingBagConfig\","]
#[doc = "  \"description\": \"One embedding table with its own optimizer and data type.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"data_type\","]
#[doc = "    \"embedding_dim\","]
#[doc = "    \"name\","]
#[doc = "    \"num_embeddings\","]
#[doc = "    \"optimizer\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"data_type\": {"]
#[doc = "      \"description\": \"Storage type of the weights.\","]
#[doc = "      \"$ref\": \"#/$defs/DataType\""]
#[doc = "    },"]
#[doc = "    \"embedding_dim\": {"]
#[doc = "      \"description\": \"Size of each embedding vector.\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 1.0"]
#[doc = "    },"]
#[doc = "    \"name\": {"]
#[doc = "      \"description\": \"Name of the embedding bag (table).\","]
#[doc = "      \"type\": \"string\","]
#[doc = "      \"minLength\": 1"]
#[doc = "    },"]
#[doc = "    \"num_embeddings\": {"]
#[doc = "      \"description\": \"Size of the embedding dictionary (rows).\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 1.0"]
#[doc = "    },"]
#[doc = "    \"optimizer\": {"]
#[doc = "      \"description\": \"Optimizer of this table.\","]
#[doc = "      \"$ref\": \"#/$defs/OptimizerConfig\""]
#[doc = "    },"]
#[doc = "    \"pretrained\": {"]
#[doc = "      \"description\": \"Snapshot to initialise the table from.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/EmbeddingSnapshot\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"vocab\": {"]
#[doc = "      \"description\": \"Directory of parquet files mapping entity id to table row.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"type\": \"string\","]
#[doc = "          \"minLength\": 1"]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct EmbeddingBagConfig {
    #[doc = "Storage type of the weights."]
    pub data_type: DataType,
    #[doc = "Size of each embedding vector."]
    pub embedding_dim: ::std::num::NonZeroU64,
    #[doc = "Name of the embedding bag (table)."]
    pub name: EmbeddingBagConfigName,
    #[doc = "Size of the embedding dictionary (rows)."]
    pub num_embeddings: ::std::num::NonZeroU64,
    #[doc = "Optimizer of this table."]
    pub optimizer: OptimizerConfig,
    #[doc = "Snapshot to initialise the table from."]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub pretrained: ::std::option::Option<EmbeddingSnapshot>,
    #[doc = "Directory of parquet files mapping entity id to table row."]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub vocab: ::std::option::Option<EmbeddingBagConfigVocab>,
}
#[doc = "Name of the embedding bag (table)."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"description\": \"Name of the embedding bag (table).\","]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct EmbeddingBagConfigName(::std::string::String);
impl ::std::ops::Deref for EmbeddingBagConfigName {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<EmbeddingBagConfigName> for ::std::string::String {
    fn from(value: EmbeddingBagConfigName) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for EmbeddingBagConfigName {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for EmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for EmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for EmbeddingBagConfigName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for EmbeddingBagConfigName {
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
#[doc = "`EmbeddingBagConfigVocab`"]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct EmbeddingBagConfigVocab(::std::string::String);
impl ::std::ops::Deref for EmbeddingBagConfigVocab {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<EmbeddingBagConfigVocab> for ::std::string::String {
    fn from(value: EmbeddingBagConfigVocab) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for EmbeddingBagConfigVocab {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for EmbeddingBagConfigVocab {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for EmbeddingBagConfigVocab {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for EmbeddingBagConfigVocab {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for EmbeddingBagConfigVocab {
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
#[doc = "A pretrained embedding table to initialise from: a table inside a torchsnapshot."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"EmbeddingSnapshot\","]
#[doc = "  \"description\": \"A pretrained embedding table to initialise from: a table inside a torchsnapshot.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"emb_name\","]
#[doc = "    \"embedding_snapshot_uri\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"emb_name\": {"]
#[doc = "      \"description\": \"Name of the embedding table inside the loaded snapshot.\","]
#[doc = "      \"type\": \"string\","]
#[doc = "      \"minLength\": 1"]
#[doc = "    },"]
#[doc = "    \"embedding_snapshot_uri\": {"]
#[doc = "      \"description\": \"Path to the torchsnapshot of the embedding.\","]
#[doc = "      \"type\": \"string\","]
#[doc = "      \"minLength\": 1"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct EmbeddingSnapshot {
    #[doc = "Name of the embedding table inside the loaded snapshot."]
    pub emb_name: EmbeddingSnapshotEmbName,
    #[doc = "Path to the torchsnapshot of the embedding."]
    pub embedding_snapshot_uri: EmbeddingSnapshotEmbeddingSnapshotUri,
}
#[doc = "Name of the embedding table inside the loaded snapshot."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"description\": \"Name of the embedding table inside the loaded snapshot.\","]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct EmbeddingSnapshotEmbName(::std::string::String);
impl ::std::ops::Deref for EmbeddingSnapshotEmbName {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<EmbeddingSnapshotEmbName> for ::std::string::String {
    fn from(value: EmbeddingSnapshotEmbName) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for EmbeddingSnapshotEmbName {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for EmbeddingSnapshotEmbName {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for EmbeddingSnapshotEmbName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for EmbeddingSnapshotEmbName {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for EmbeddingSnapshotEmbName {
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
#[doc = "Path to the torchsnapshot of the embedding."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"description\": \"Path to the torchsnapshot of the embedding.\","]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct EmbeddingSnapshotEmbeddingSnapshotUri(::std::string::String);
impl ::std::ops::Deref for EmbeddingSnapshotEmbeddingSnapshotUri {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<EmbeddingSnapshotEmbeddingSnapshotUri> for ::std::string::String {
    fn from(value: EmbeddingSnapshotEmbeddingSnapshotUri) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for EmbeddingSnapshotEmbeddingSnapshotUri {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for EmbeddingSnapshotEmbeddingSnapshotUri {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for EmbeddingSnapshotEmbeddingSnapshotUri {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for EmbeddingSnapshotEmbeddingSnapshotUri {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for EmbeddingSnapshotEmbeddingSnapshotUri {
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
#[doc = "A learning-rate schedule: exactly one of the four kinds is set."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"LearningRate\","]
#[doc = "  \"description\": \"A learning-rate schedule: exactly one of the four kinds is set.\","]
#[doc = "  \"examples\": ["]
#[doc = "    {"]
#[doc = "      \"constant\": 0.01"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"piecewise_constant\": {"]
#[doc = "        \"learning_rate_boundaries\": ["]
#[doc = "          1000,"]
#[doc = "          5000"]
#[doc = "        ],"]
#[doc = "        \"learning_rate_values\": ["]
#[doc = "          0.01,"]
#[doc = "          0.005,"]
#[doc = "          0.001"]
#[doc = "        ]"]
#[doc = "      }"]
#[doc = "    }"]
#[doc = "  ],"]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"oneOf\": ["]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"constant\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"constant\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"linear_ramp_to_cosine\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"linear_ramp_to_cosine\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"linear_ramp_to_constant\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"linear_ramp_to_constant\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"piecewise_constant\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"piecewise_constant\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    }"]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"constant\": {"]
#[doc = "      \"description\": \"A constant learning rate.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"type\": \"number\","]
#[doc = "          \"maximum\": 1.7976931348623157e+308,"]
#[doc = "          \"minimum\": 0.0"]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"linear_ramp_to_constant\": {"]
#[doc = "      \"description\": \"Linear ramp, then constant.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/LinearRampToConstant\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"linear_ramp_to_cosine\": {"]
#[doc = "      \"description\": \"Linear ramp, then cosine decay.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/LinearRampToCosine\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"piecewise_constant\": {"]
#[doc = "      \"description\": \"Piecewise-constant schedule.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/PiecewiseConstant\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(untagged, deny_unknown_fields)]
pub enum LearningRate {
    Variant0 {
        constant: ::std::option::Option<f64>,
        #[serde(default)]
        linear_ramp_to_constant: (),
        #[serde(default)]
        linear_ramp_to_cosine: (),
        #[serde(default)]
        piecewise_constant: (),
    },
    Variant1 {
        #[serde(default)]
        constant: (),
        #[serde(default)]
        linear_ramp_to_constant: (),
        linear_ramp_to_cosine: ::std::option::Option<LinearRampToCosine>,
        #[serde(default)]
        piecewise_constant: (),
    },
    Variant2 {
        #[serde(default)]
        constant: (),
        linear_ramp_to_constant: ::std::option::Option<LinearRampToConstant>,
        #[serde(default)]
        linear_ramp_to_cosine: (),
        #[serde(default)]
        piecewise_constant: (),
    },
    Variant3 {
        #[serde(default)]
        constant: (),
        #[serde(default)]
        linear_ramp_to_constant: (),
        #[serde(default)]
        linear_ramp_to_cosine: (),
        piecewise_constant: ::std::option::Option<PiecewiseConstant>,
    },
}
#[doc = "Ramp linearly from zero to `learning_rate` over `num_ramp_steps`, then hold it."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"LinearRampToConstant\","]
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
pub struct LinearRampToConstant {
    #[doc = "Learning rate reached after the ramp."]
    pub learning_rate: f64,
    #[doc = "Steps to ramp up from zero."]
    pub num_ramp_steps: ::std::num::NonZeroU64,
}
#[doc = "Ramp linearly to `learning_rate`, then decay along a cosine to `final_learning_rate`."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"LinearRampToCosine\","]
#[doc = "  \"description\": \"Ramp linearly to `learning_rate`, then decay along a cosine to `final_learning_rate`.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"final_learning_rate\","]
#[doc = "    \"final_num_steps\","]
#[doc = "    \"learning_rate\","]
#[doc = "    \"num_ramp_steps\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"final_learning_rate\": {"]
#[doc = "      \"description\": \"Learning rate when decay stops.\","]
#[doc = "      \"type\": \"number\","]
#[doc = "      \"maximum\": 1.7976931348623157e+308,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    },"]
#[doc = "    \"final_num_steps\": {"]
#[doc = "      \"description\": \"Final step where decay stops; after the ramp (> num_ramp_steps).\","]
#[doc = "      \"type\": \"integer\","]
#[doc = "      \"maximum\": 9007199254740991.0,"]
#[doc = "      \"minimum\": 1.0"]
#[doc = "    },"]
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
#[doc = "  \"additionalProperties\": false,"]
#[doc = "  \"x-contract-greater-than\": ["]
#[doc = "    {"]
#[doc = "      \"property\": \"final_num_steps\","]
#[doc = "      \"than\": \"num_ramp_steps\""]
#[doc = "    }"]
#[doc = "  ]"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct LinearRampToCosine {
    #[doc = "Learning rate when decay stops."]
    pub final_learning_rate: f64,
    #[doc = "Final step where decay stops; after the ramp (> num_ramp_steps)."]
    pub final_num_steps: ::std::num::NonZeroU64,
    #[doc = "Learning rate reached after the ramp."]
    pub learning_rate: f64,
    #[doc = "Steps to ramp up from zero."]
    pub num_ramp_steps: ::std::num::NonZeroU64,
}
#[doc = "An optimizer: exactly one of adam, sgd and adagrad is set."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"OptimizerConfig\","]
#[doc = "  \"description\": \"An optimizer: exactly one of adam, sgd and adagrad is set.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"oneOf\": ["]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"adam\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"adam\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"sgd\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"sgd\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    },"]
#[doc = "    {"]
#[doc = "      \"required\": ["]
#[doc = "        \"adagrad\""]
#[doc = "      ],"]
#[doc = "      \"properties\": {"]
#[doc = "        \"adagrad\": {"]
#[doc = "          \"not\": {"]
#[doc = "            \"type\": \"null\""]
#[doc = "          }"]
#[doc = "        }"]
#[doc = "      }"]
#[doc = "    }"]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"adagrad\": {"]
#[doc = "      \"description\": \"Adagrad.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/AdagradConfig\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"adam\": {"]
#[doc = "      \"description\": \"Adam.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/AdamConfig\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"learning_rate\": {"]
#[doc = "      \"description\": \"Learning-rate schedule.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/LearningRate\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    },"]
#[doc = "    \"sgd\": {"]
#[doc = "      \"description\": \"Stochastic gradient descent.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"$ref\": \"#/$defs/SgdConfig\""]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(untagged, deny_unknown_fields)]
pub enum OptimizerConfig {
    Variant0 {
        #[serde(default)]
        adagrad: (),
        adam: ::std::option::Option<AdamConfig>,
        #[doc = "Learning-rate schedule."]
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        learning_rate: ::std::option::Option<LearningRate>,
        #[serde(default)]
        sgd: (),
    },
    Variant1 {
        #[serde(default)]
        adagrad: (),
        #[serde(default)]
        adam: (),
        #[doc = "Learning-rate schedule."]
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        learning_rate: ::std::option::Option<LearningRate>,
        sgd: ::std::option::Option<SgdConfig>,
    },
    Variant2 {
        adagrad: ::std::option::Option<AdagradConfig>,
        #[serde(default)]
        adam: (),
        #[doc = "Learning-rate schedule."]
        #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
        learning_rate: ::std::option::Option<LearningRate>,
        #[serde(default)]
        sgd: (),
    },
}
#[doc = "Constant learning rate between step boundaries: `values[i]` holds until `boundaries[i]`.\n\nUpstream defaults both lists to None, but no schedule can run without them, so both are\nrequired here: absent and null are rejected, as they would fail training."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"PiecewiseConstant\","]
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
pub struct PiecewiseConstant {
    #[doc = "Steps at which the learning rate changes, strictly increasing."]
    pub learning_rate_boundaries: ::std::vec::Vec<i64>,
    #[doc = "Learning rates: one before the first boundary and one after each boundary."]
    pub learning_rate_values: ::std::vec::Vec<f64>,
}
#[doc = "Stochastic gradient descent."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"title\": \"SgdConfig\","]
#[doc = "  \"description\": \"Stochastic gradient descent.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"lr\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"lr\": {"]
#[doc = "      \"description\": \"Learning rate.\","]
#[doc = "      \"type\": \"number\","]
#[doc = "      \"maximum\": 1.7976931348623157e+308,"]
#[doc = "      \"minimum\": 0.0"]
#[doc = "    },"]
#[doc = "    \"momentum\": {"]
#[doc = "      \"description\": \"Momentum factor.\","]
#[doc = "      \"default\": 0.0,"]
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
pub struct SgdConfig {
    #[doc = "Learning rate."]
    pub lr: f64,
    #[doc = "Momentum factor."]
    #[serde(default = "defaults::sgd_config_momentum")]
    pub momentum: f64,
}
#[doc = "A collection of embedding tables."]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"$id\": \"https://embedding-contract.dev/schemas/1.1.0/twhin/LargeEmbeddingsConfig.json\","]
#[doc = "  \"title\": \"twhin.LargeEmbeddingsConfig\","]
#[doc = "  \"description\": \"A collection of embedding tables.\","]
#[doc = "  \"type\": \"object\","]
#[doc = "  \"required\": ["]
#[doc = "    \"tables\""]
#[doc = "  ],"]
#[doc = "  \"properties\": {"]
#[doc = "    \"tables\": {"]
#[doc = "      \"description\": \"The tables; names are unique.\","]
#[doc = "      \"type\": \"array\","]
#[doc = "      \"items\": {"]
#[doc = "        \"$ref\": \"#/$defs/EmbeddingBagConfig\""]
#[doc = "      },"]
#[doc = "      \"minItems\": 1,"]
#[doc = "      \"x-contract-unique-by\": \"name\""]
#[doc = "    },"]
#[doc = "    \"tables_to_log\": {"]
#[doc = "      \"description\": \"Names of tables whose weights are logged during training.\","]
#[doc = "      \"default\": null,"]
#[doc = "      \"anyOf\": ["]
#[doc = "        {"]
#[doc = "          \"type\": \"array\","]
#[doc = "          \"items\": {"]
#[doc = "            \"type\": \"string\","]
#[doc = "            \"minLength\": 1"]
#[doc = "          }"]
#[doc = "        },"]
#[doc = "        {"]
#[doc = "          \"type\": \"null\""]
#[doc = "        }"]
#[doc = "      ]"]
#[doc = "    }"]
#[doc = "  },"]
#[doc = "  \"additionalProperties\": false,"]
#[doc = "  \"x-contract-references\": ["]
#[doc = "    {"]
#[doc = "      \"key\": \"name\","]
#[doc = "      \"property\": \"tables_to_log\","]
#[doc = "      \"target\": \"tables\""]
#[doc = "    }"]
#[doc = "  ]"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
#[serde(deny_unknown_fields)]
pub struct TwhinLargeEmbeddingsConfig {
    #[doc = "The tables; names are unique."]
    pub tables: ::std::vec::Vec<EmbeddingBagConfig>,
    #[doc = "Names of tables whose weights are logged during training."]
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    pub tables_to_log:
        ::std::option::Option<::std::vec::Vec<TwhinLargeEmbeddingsConfigTablesToLogItem>>,
}
#[doc = "`TwhinLargeEmbeddingsConfigTablesToLogItem`"]
#[doc = r""]
#[doc = r" <details><summary>JSON schema</summary>"]
#[doc = r""]
#[doc = r" ```json"]
#[doc = "{"]
#[doc = "  \"type\": \"string\","]
#[doc = "  \"minLength\": 1"]
#[doc = "}"]
#[doc = r" ```"]
#[doc = r" </details>"]
#[derive(:: serde :: Serialize, Clone, Debug, Eq, Hash, Ord, PartialEq, PartialOrd)]
#[serde(transparent)]
pub struct TwhinLargeEmbeddingsConfigTablesToLogItem(::std::string::String);
impl ::std::ops::Deref for TwhinLargeEmbeddingsConfigTablesToLogItem {
    type Target = ::std::string::String;
    fn deref(&self) -> &::std::string::String {
        &self.0
    }
}
impl ::std::convert::From<TwhinLargeEmbeddingsConfigTablesToLogItem> for ::std::string::String {
    fn from(value: TwhinLargeEmbeddingsConfigTablesToLogItem) -> Self {
        value.0
    }
}
impl ::std::str::FromStr for TwhinLargeEmbeddingsConfigTablesToLogItem {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        if value.chars().count() < 1usize {
            return Err("shorter than 1 characters".into());
        }
        Ok(Self(value.to_string()))
    }
}
impl ::std::convert::TryFrom<&str> for TwhinLargeEmbeddingsConfigTablesToLogItem {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<&::std::string::String> for TwhinLargeEmbeddingsConfigTablesToLogItem {
    type Error = self::error::ConversionError;
    fn try_from(
        value: &::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for TwhinLargeEmbeddingsConfigTablesToLogItem {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl<'de> ::serde::Deserialize<'de> for TwhinLargeEmbeddingsConfigTablesToLogItem {
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
#[doc = r" Generation of default values for serde."]
pub mod defaults {
    pub(super) fn default_i64<T, const V: i64>() -> T
    where
        T: ::std::convert::TryFrom<i64>,
        <T as ::std::convert::TryFrom<i64>>::Error: ::std::fmt::Debug,
    {
        T::try_from(V).unwrap()
    }
    pub(super) fn adagrad_config_eps() -> f64 {
        0.0_f64
    }
    pub(super) fn adam_config_betas() -> [::serde_json::Value; 2usize] {
        [
            ::serde_json::from_str::<::serde_json::Value>("0.9").unwrap(),
            ::serde_json::from_str::<::serde_json::Value>("0.999").unwrap(),
        ]
    }
    pub(super) fn adam_config_eps() -> f64 {
        1e-7_f64
    }
    pub(super) fn sgd_config_momentum() -> f64 {
        0.0_f64
    }
}
