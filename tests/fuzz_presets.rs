//! Property-based fuzzing of the preset loader: valid presets with random edits, truncations, deep
//! nesting, huge numbers and non-UTF-8 bytes. The loader must never panic, and every refusal must
//! name its source and a place (line and column, or a field). `FUZZ_CASES=1000000 cargo test
//! --test fuzz_presets` runs more cases.
#![expect(
    clippy::indexing_slicing,
    reason = "indices come from `below(len)`; an out-of-range one would be a failing test"
)]

use serverless_explorer::presets::{self, BUILT_INS, PresetError};

/// The models' seeded generator, so every run checks the same cases.
use serverless_explorer::model::rng::SplitMix64 as Rng;

const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "Some(",
    "None",
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1",
    "18446744073709551616",
    "0.0",
    "true",
    "memory_mb",
    "traffic",
    "workload: (",
    "//",
    "/*",
    "\\",
    "\u{0}",
    "é",
    "X86_64",
    "Arm64",
    "format: 2",
    "unknown_field: 1,",
];

fn mutate(rng: &mut Rng, source: &str) -> Vec<u8> {
    let mut bytes = source.as_bytes().to_vec();
    match rng.below(7) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            let at = rng.below(bytes.len() + 1);
            let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
            bytes.splice(at..at, fragment.bytes());
        }
        2 => {
            if !bytes.is_empty() {
                let at = rng.below(bytes.len());
                let len = rng.below(16).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
        }
        3 => {
            let depth = rng.below(200);
            let mut deep = "(".repeat(depth).into_bytes();
            deep.extend(bytes);
            bytes = deep;
        }
        4 => {
            // Replace a number with an extreme one.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let extreme = ["1e400", "-0.0", "99999999999999999999", "NaN", "-5"][rng.below(5)];
            let replaced = text.replacen(char::is_numeric, extreme, 1);
            bytes = replaced.into_bytes();
        }
        5 => {
            let at = rng.below(bytes.len() + 1);
            bytes.insert(at, [0xff, 0xfe, 0x80, 0xc3][rng.below(4)]);
        }
        _ => {
            for _ in 0..=rng.below(8) {
                if !bytes.is_empty() {
                    let at = rng.below(bytes.len());
                    bytes[at] = (rng.next_u64() & 0x7f) as u8;
                }
            }
        }
    }
    bytes
}

#[test]
fn loader_never_panics_and_every_refusal_is_clear() {
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let mut rng = Rng(0x5EED);
    let mut refused = 0;
    for case in 0..cases {
        let source = BUILT_INS[rng.below(BUILT_INS.len())].source;
        let bytes = mutate(&mut rng, source);
        let Ok(text) = String::from_utf8(bytes) else {
            refused += 1;
            continue;
        };
        match presets::parse(&text, "fuzz.ron") {
            Ok(scenario) => assert_eq!(scenario.validate(), Ok(()), "case {case}"),
            Err(error) => {
                refused += 1;
                let message = error.to_string();
                assert!(message.starts_with("fuzz.ron"), "case {case}: {message}");
                let placed = match &error {
                    PresetError::Syntax { line, column, .. }
                    | PresetError::TooDeep { line, column, .. } => *line >= 1 && *column >= 1,
                    PresetError::Invalid { field, problem, .. } => {
                        !field.is_empty() && !problem.is_empty()
                    }
                    PresetError::NotText { .. } | PresetError::TooLarge { .. } => true,
                    PresetError::Io { .. } | PresetError::Serialize { .. } => false,
                };
                assert!(placed, "case {case}: {message}");
            }
        }
    }
    // Most mutations must be refused; if none were, the mutator is broken.
    assert!(refused > cases / 4, "only {refused} of {cases} refused");
}

#[test]
fn non_utf8_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(7);
    for i in 0..50 {
        let mut bytes = BUILT_INS[0].source.as_bytes().to_vec();
        let at = rng.below(bytes.len());
        bytes.insert(at, 0xff);
        let path = dir.path().join(format!("bad{i}.ron"));
        std::fs::write(&path, &bytes).unwrap();
        let error = presets::load(&path).unwrap_err();
        assert!(
            error.to_string().contains(&format!("bad{i}.ron")),
            "{error}"
        );
    }
}
