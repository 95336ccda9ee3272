//! Types generated from the embedding-contract schemas by cargo-typify
//! 0.6.2 (scripts/generate_code_native.py); never edit.

pub mod recap {
    #[allow(dead_code)]
    pub mod embedding_bag_config;
    #[allow(dead_code)]
    pub mod embedding_optimizer_config;
    #[allow(dead_code)]
    pub mod embedding_snapshot;
    #[allow(dead_code)]
    pub mod large_embeddings_config;
    #[allow(dead_code)]
    pub mod learning_rate;
    #[allow(dead_code)]
    pub mod linear_ramp_to_constant;
    #[allow(dead_code)]
    pub mod linear_ramp_to_cosine;
    #[allow(dead_code)]
    pub mod piecewise_constant;
    #[allow(dead_code)]
    pub mod small_embedding_bag_config;
    #[allow(dead_code)]
    pub mod small_embeddings_config;
    #[allow(dead_code)]
    pub mod stratifier_config;
}
pub mod twhin {
    #[allow(dead_code)]
    pub mod adagrad_config;
    #[allow(dead_code)]
    pub mod adam_config;
    #[allow(dead_code)]
    pub mod data_type;
    #[allow(dead_code)]
    pub mod embedding_bag_config;
    #[allow(dead_code)]
    pub mod embedding_snapshot;
    #[allow(dead_code)]
    pub mod large_embeddings_config;
    #[allow(dead_code)]
    pub mod optimizer_config;
    #[allow(dead_code)]
    pub mod sgd_config;
    #[allow(dead_code)]
    pub mod twhin_embeddings_config;
}
