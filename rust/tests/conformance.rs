//! Every vector of tests/conformance against the latest release: the verdict must equal `valid`.

mod common;

fn main() {
    let validators = common::validators();
    let mut files: Vec<_> = std::fs::read_dir(common::root().join("tests/conformance"))
        .expect("tests/conformance")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vectors in tests/conformance");
    let (mut passed, mut failed) = (0, 0);
    for file in files {
        for vector in common::read(file).as_array().expect("a list of vectors") {
            let model = vector["model"].as_str().expect("model");
            let name = format!("{model}: {}", vector["description"].as_str().unwrap_or(""));
            let expected = vector["valid"].as_bool().expect("valid");
            let Some(validator) = validators.get(model) else {
                eprintln!("rust: {name}: no schema for the model");
                failed += 1;
                continue;
            };
            // The instance as the contract reads it: numbers as IEEE-754 doubles.
            let instance = embedding_contract::as_doubles(vector["instance"].clone());
            let errors: Vec<_> = validator
                .iter_errors(&instance)
                .map(|e| embedding_contract::locate(&e))
                .collect();
            if errors.is_empty() == expected && validator.is_valid(&instance) == expected {
                passed += 1;
            } else {
                failed += 1;
                eprintln!("rust: {name}: expected valid={expected}, got {errors:?}");
            }
        }
    }
    println!("rust: {passed} passed, {failed} failed");
    std::process::exit(i32::from(failed > 0));
}
