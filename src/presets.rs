//! Loading, validating and saving presets (RON files), and the built-in library compiled into the
//! binary. Every error names the file and the line and column or the field, with the allowed range.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::origin::Origin;
use crate::model::scenario::{FORMAT_VERSION, Scenario};

/// Largest preset file accepted, in bytes.
pub const MAX_PRESET_BYTES: u64 = 1024 * 1024;

/// Deepest nesting of brackets accepted while parsing.
const MAX_NESTING: usize = 32;

/// A preset compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct BuiltIn {
    /// File stem, used on the command line (`--preset startup-rest-api`).
    pub id: &'static str,
    /// The RON text.
    pub source: &'static str,
}

/// The built-in library, in menu order. The first is the default preset.
pub const BUILT_INS: &[BuiltIn] = &[
    BuiltIn {
        id: "startup-rest-api",
        source: include_str!("../presets/startup-rest-api.ron"),
    },
    BuiltIn {
        id: "flash-sale-spike",
        source: include_str!("../presets/flash-sale-spike.ron"),
    },
    BuiltIn {
        id: "rest-graphql-api",
        source: include_str!("../presets/rest-graphql-api.ron"),
    },
    BuiltIn {
        id: "image-processing-on-upload",
        source: include_str!("../presets/image-processing-on-upload.ron"),
    },
    BuiltIn {
        id: "scheduled-nightly-job",
        source: include_str!("../presets/scheduled-nightly-job.ron"),
    },
    BuiltIn {
        id: "event-driven-pipeline",
        source: include_str!("../presets/event-driven-pipeline.ron"),
    },
    BuiltIn {
        id: "clickstream-kinesis-stream",
        source: include_str!("../presets/clickstream-kinesis-stream.ron"),
    },
    BuiltIn {
        id: "webhook-receiver",
        source: include_str!("../presets/webhook-receiver.ron"),
    },
    BuiltIn {
        id: "auth-hook",
        source: include_str!("../presets/auth-hook.ron"),
    },
    BuiltIn {
        id: "long-batch-job",
        source: include_str!("../presets/long-batch-job.ron"),
    },
    BuiltIn {
        id: "steady-high-throughput",
        source: include_str!("../presets/steady-high-throughput.ron"),
    },
    BuiltIn {
        id: "cold-start-sensitive-java-api",
        source: include_str!("../presets/cold-start-sensitive-java-api.ron"),
    },
    BuiltIn {
        id: "heavy-in-memory-state",
        source: include_str!("../presets/heavy-in-memory-state.ron"),
    },
    BuiltIn {
        id: "hybrid-api-and-nightly-batch",
        source: include_str!("../presets/hybrid-api-and-nightly-batch.ron"),
    },
    BuiltIn {
        id: "startup-spike-2022-rules",
        source: include_str!("../presets/startup-spike-2022-rules.ron"),
    },
    BuiltIn {
        id: "api-gateway-week",
        source: include_str!("../presets/api-gateway-week.ron"),
    },
];

/// Why a preset could not be loaded or saved. The message names the file first.
#[derive(Debug, thiserror::Error)]
pub enum PresetError {
    /// The file could not be read or written.
    #[error("{path}: cannot {action}: {source}")]
    Io {
        /// What was attempted ("read", "write", "replace").
        action: &'static str,
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_PRESET_BYTES`].
    #[error(
        "{origin}: file is {bytes} bytes; presets may be at most {MAX_PRESET_BYTES} bytes (1 MiB)"
    )]
    TooLarge {
        /// The file.
        origin: String,
        /// Its size.
        bytes: u64,
    },
    /// The file is not text.
    #[error("{origin}: not a text file (it is not valid UTF-8, or contains NUL bytes)")]
    NotText {
        /// The file.
        origin: String,
    },
    /// The file nests brackets deeper than any preset needs.
    #[error("{origin}:{line}:{column}: nesting deeper than {MAX_NESTING} levels is not allowed")]
    TooDeep {
        /// The file.
        origin: String,
        /// 1-based line of the bracket that went too deep.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// RON syntax error, unknown field, wrong type.
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax {
        /// The file.
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A value out of range, or a format version this build does not read.
    #[error("{origin}: {field}: {problem}")]
    Invalid {
        /// The file.
        origin: String,
        /// Dotted field path.
        field: String,
        /// What is wrong and what is allowed.
        problem: String,
    },
    /// Serialising the scenario failed.
    #[error("{origin}: cannot write the preset as RON: {message}")]
    Serialize {
        /// The file.
        origin: String,
        /// What the serialiser said.
        message: String,
    },
}

/// The RON options used for reading: a recursion limit so hostile input cannot overflow the stack.
fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(MAX_NESTING)
}

/// Refuses nesting deeper than [`MAX_NESTING`] before the parser sees it, with a position.
fn check_nesting(text: &str, origin: &str) -> Result<(), PresetError> {
    let mut depth = 0usize;
    let mut line = 1;
    let mut column = 0;
    let mut in_string = false;
    let mut escaped = false;
    for ch in text.chars() {
        column += 1;
        if ch == '\n' {
            line += 1;
            column = 0;
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if ch == '\\' {
                escaped = true;
            } else if ch == '"' {
                in_string = false;
            }
            continue;
        }
        match ch {
            '"' => in_string = true,
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(PresetError::TooDeep {
                        origin: origin.to_owned(),
                        line,
                        column,
                    });
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Parses and validates preset text. `origin` names the source in every error.
pub fn parse(text: &str, origin: &str) -> Result<Scenario, PresetError> {
    if text.len() as u64 > MAX_PRESET_BYTES {
        return Err(PresetError::TooLarge {
            origin: origin.to_owned(),
            bytes: text.len() as u64,
        });
    }
    if text.contains('\0') {
        return Err(PresetError::NotText {
            origin: origin.to_owned(),
        });
    }
    check_nesting(text, origin)?;
    let scenario: Scenario = ron_options()
        .from_str(text)
        .map_err(|e| PresetError::Syntax {
            origin: origin.to_owned(),
            line: e.span.start.line,
            column: e.span.start.col,
            message: syntax_message(&e.code),
        })?;
    scenario.validate().map_err(|e| PresetError::Invalid {
        origin: origin.to_owned(),
        field: e.field,
        problem: e.problem,
    })?;
    Ok(scenario)
}

/// The parser's message, with a hint for the mistakes people make most.
fn syntax_message(code: &ron::Error) -> String {
    match code {
        ron::Error::NoSuchStructField { .. } => {
            format!("{code} (field names are case-sensitive; see presets/README.md)")
        }
        _ => code.to_string(),
    }
}

/// Reads, parses and validates a preset file.
pub fn load(path: &Path) -> Result<Scenario, PresetError> {
    let origin = path.display().to_string();
    let io = |source| PresetError::Io {
        action: "read",
        path: origin.clone(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if metadata.len() > MAX_PRESET_BYTES {
        return Err(PresetError::TooLarge {
            origin,
            bytes: metadata.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| PresetError::NotText {
        origin: origin.clone(),
    })?;
    parse(&text, &origin)
}

/// A built-in preset by id (`startup-rest-api`) or by display name (case-insensitive).
pub fn built_in(name_or_id: &str) -> Option<(BuiltIn, Scenario)> {
    BUILT_INS.iter().find_map(|b| {
        let scenario = parse(b.source, b.id).ok()?;
        let matches =
            b.id.eq_ignore_ascii_case(name_or_id) || scenario.name.eq_ignore_ascii_case(name_or_id);
        matches.then_some((*b, scenario))
    })
}

/// The default preset the app opens on.
pub fn default_scenario() -> (Origin, Scenario) {
    BUILT_INS
        .first()
        .and_then(|b| {
            parse(b.source, b.id)
                .ok()
                .map(|s| (Origin::BuiltIn(b.id.to_owned()), s))
        })
        .unwrap_or_else(|| (Origin::BuiltIn("default".to_owned()), Scenario::default()))
}

/// Every built-in preset, parsed, in menu order. A built-in that fails to parse is skipped (the
/// tests make sure none does).
pub fn all_built_ins() -> Vec<(BuiltIn, Scenario)> {
    BUILT_INS
        .iter()
        .filter_map(|b| parse(b.source, b.id).ok().map(|s| (*b, s)))
        .collect()
}

/// Resolves a command-line `--preset` argument: an existing file path, else a built-in id or name.
pub fn resolve(arg: &str) -> Result<(Origin, Scenario), PresetError> {
    let path = Path::new(arg);
    if path.exists() {
        return load(path).map(|s| (Origin::File(path.to_owned()), s));
    }
    if let Some((b, scenario)) = built_in(arg) {
        return Ok((Origin::BuiltIn(b.id.to_owned()), scenario));
    }
    let names: Vec<&str> = BUILT_INS.iter().map(|b| b.id).collect();
    Err(PresetError::Io {
        action: "read",
        path: arg.to_owned(),
        source: std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!(
                "no such file, and no built-in preset of that name (built-ins: {})",
                names.join(", ")
            ),
        ),
    })
}

/// The scenario as RON text, with a header naming the format.
pub fn to_ron(scenario: &Scenario, origin: &str) -> Result<String, PresetError> {
    let config = ron::ser::PrettyConfig::new()
        .struct_names(false)
        .depth_limit(6)
        .indentor("    ".to_owned());
    let body =
        ron::ser::to_string_pretty(scenario, config).map_err(|e| PresetError::Serialize {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
    Ok(format!(
        "// Serverless Explorer preset, format {FORMAT_VERSION}. Fields are documented in \
         presets/README.md.\n{body}\n"
    ))
}

/// Saves a scenario atomically: writes a temporary file in the same folder, flushes it to disk,
/// then renames it over `path`. If anything fails, `path` is left exactly as it was.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), PresetError> {
    let origin = path.display().to_string();
    let text = to_ron(scenario, &origin)?;
    write_atomically(path, text.as_bytes())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), PresetError> {
    let origin = path.display().to_string();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .map_or_else(|| "preset".to_owned(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()
    };
    if let Err(source) = write() {
        // Best effort: the temporary file is ours; the target was never touched.
        let _ = std::fs::remove_file(&tmp);
        return Err(PresetError::Io {
            action: "write",
            path: origin,
            source,
        });
    }
    std::fs::rename(&tmp, path).map_err(|source| {
        let _ = std::fs::remove_file(&tmp);
        PresetError::Io {
            action: "replace",
            path: origin,
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_parses_validates_and_round_trips() {
        assert!(!BUILT_INS.is_empty());
        for b in BUILT_INS {
            let scenario = parse(b.source, b.id).unwrap_or_else(|e| panic!("{e}"));
            let text = to_ron(&scenario, b.id).unwrap();
            let again = parse(&text, b.id).unwrap();
            assert_eq!(scenario, again, "{} does not round-trip", b.id);
        }
    }

    /// The "week of API traffic" preset holds what importing its file writes: the points, the
    /// month's requests and the peak-to-average ratio. `UPDATE_PRESETS=1 cargo test` writes them
    /// again after a change to the reader.
    #[test]
    fn the_api_week_preset_is_its_traffic_file_imported() {
        use crate::model::traffic_import::{ImportOptions, read_bytes};
        let csv = include_bytes!("../assets/traffic/api-gateway-week.csv");
        let imported = read_bytes("api-gateway-week.csv", csv, &ImportOptions::default()).unwrap();
        let (_, preset) = built_in("api-gateway-week").unwrap();
        let expected = preset.with_imported_traffic(&imported);
        if std::env::var_os("UPDATE_PRESETS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/presets/api-gateway-week.ron");
            let text = std::fs::read_to_string(path).unwrap();
            std::fs::write(path, with_imported_values(&text, &expected)).unwrap();
            return;
        }
        assert_eq!(preset.traffic, expected.traffic);
        assert_eq!(
            preset.workload.requests_per_month,
            expected.workload.requests_per_month
        );
        assert_eq!(
            preset.workload.peak_to_average,
            expected.workload.peak_to_average
        );
        assert!(preset.traffic.len() > 1_000 && preset.traffic.len() <= 10_000);
    }

    /// `text` with the traffic list (everything from `traffic: [` to the `cold_start` section)
    /// and the two workload values the import sets replaced by `s`'s.
    fn with_imported_values(text: &str, s: &Scenario) -> String {
        let (start, end) = (
            text.find("    traffic: [").unwrap(),
            text.find("    cold_start:").unwrap(),
        );
        let points: Vec<String> = s
            .traffic
            .iter()
            .map(|(t, r)| format!("({t:?}, {r:?})"))
            .collect();
        let rows: Vec<String> = points
            .chunks(4)
            .map(|c| format!("        {},", c.join(", ")))
            .collect();
        let traffic = format!("    traffic: [\n{}\n    ],\n", rows.join("\n"));
        let head: Vec<String> = text[..start]
            .lines()
            .map(|line| {
                let value = |key: &str, value: String| {
                    let comment = line.find("//").map_or("", |i| &line[i..]);
                    let value = format!("{value}, ");
                    format!(
                        "        {key}: {value:<width$}{comment}",
                        width = 29 - key.len()
                    )
                };
                match line.trim_start() {
                    l if l.starts_with("requests_per_month:") => value(
                        "requests_per_month",
                        s.workload.requests_per_month.to_string(),
                    ),
                    l if l.starts_with("peak_to_average:") => value(
                        "peak_to_average",
                        format!("{:?}", s.workload.peak_to_average),
                    ),
                    _ => line.to_owned(),
                }
            })
            .collect();
        format!("{}\n{traffic}{}", head.join("\n"), &text[end..])
    }

    #[test]
    fn built_ins_have_unique_ids_and_names() {
        let all = all_built_ins();
        assert_eq!(all.len(), BUILT_INS.len());
        let mut ids: Vec<_> = all.iter().map(|(b, _)| b.id).collect();
        let mut names: Vec<_> = all.iter().map(|(_, s)| s.name.clone()).collect();
        ids.sort_unstable();
        ids.dedup();
        names.sort();
        names.dedup();
        assert_eq!(ids.len(), all.len());
        assert_eq!(names.len(), all.len());
    }

    #[test]
    fn empty_preset_takes_every_default() {
        assert_eq!(parse("()", "empty.ron").unwrap(), Scenario::default());
    }

    #[test]
    fn unknown_field_is_named_with_position() {
        let err = parse("(\n  workload: (\n    memroy_mb: 512,\n  ),\n)", "typo.ron").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("typo.ron:3:"), "{message}");
        assert!(message.contains("memroy_mb"), "{message}");
    }

    #[test]
    fn out_of_range_names_field_and_range() {
        let err = parse("(workload: (memory_mb: 20000))", "big.ron").unwrap_err();
        let message = err.to_string();
        assert!(message.contains("big.ron"), "{message}");
        assert!(message.contains("workload.memory_mb"), "{message}");
        assert!(message.contains("128..=10240"), "{message}");
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let err = parse(
            "(\n  name: \"x\",\n  workload: (memory_mb: ),\n)",
            "broken.ron",
        )
        .unwrap_err();
        assert!(matches!(err, PresetError::Syntax { line: 3, .. }), "{err}");
    }

    #[test]
    fn hostile_input_is_refused_cleanly() {
        let deep = format!("{}{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(matches!(
            parse(&deep, "deep.ron"),
            Err(PresetError::TooDeep { .. })
        ));
        assert!(matches!(
            parse("(name: \"a\0b\")", "nul.ron"),
            Err(PresetError::NotText { .. })
        ));
        let huge = " ".repeat(MAX_PRESET_BYTES as usize + 1);
        assert!(matches!(
            parse(&huge, "huge.ron"),
            Err(PresetError::TooLarge { .. })
        ));
        assert!(matches!(
            parse("(format: 7)", "future.ron"),
            Err(PresetError::Invalid { ref field, .. }) if field == "format"
        ));
        assert!(parse("(workload: (avg_duration_ms: NaN))", "nan.ron").is_err());
        assert!(parse("(workload: (avg_duration_ms: inf))", "inf.ron").is_err());
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.ron");
        let mut scenario = default_scenario().1;
        scenario.name = "Mine".to_owned();
        scenario.workload.memory_mb = 2048;
        save(&path, &scenario).unwrap();
        assert_eq!(load(&path).unwrap(), scenario);
        // No temporary file is left behind.
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1);
    }

    #[test]
    fn failed_save_leaves_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keep.ron");
        std::fs::write(&path, b"original bytes").unwrap();
        // A directory where the temporary file would go makes the write fail after the target
        // exists: the target must keep its bytes.
        let tmp = dir
            .path()
            .join(format!(".keep.ron.{}.tmp", std::process::id()));
        std::fs::create_dir(&tmp).unwrap();
        let err = save(&path, &Scenario::default()).unwrap_err();
        assert!(err.to_string().contains("keep.ron"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"original bytes");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = load(Path::new("/no/such/dir/preset.ron")).unwrap_err();
        assert!(
            err.to_string().starts_with("/no/such/dir/preset.ron"),
            "{err}"
        );
        let err = resolve("no-such-preset").unwrap_err();
        assert!(err.to_string().contains("startup-rest-api"), "{err}");
    }

    #[test]
    fn non_utf8_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("binary.ron");
        std::fs::write(&path, [0xff, 0xfe, 0x00, 0x28]).unwrap();
        assert!(matches!(load(&path), Err(PresetError::NotText { .. })));
    }
}
