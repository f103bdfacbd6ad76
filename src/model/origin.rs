//! Where a scenario came from: a built-in preset, a file or the clipboard. Plain data, so the
//! commands and the window can name a scenario's origin without touching files.

use std::fmt;
use std::path::PathBuf;

/// Where a scenario came from.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Origin {
    /// A built-in preset, by id.
    BuiltIn(String),
    /// A file on disk.
    File(PathBuf),
    /// Pasted from the clipboard.
    Clipboard,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BuiltIn(id) => write!(f, "built-in preset `{id}`"),
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Clipboard => write!(f, "pasted preset"),
        }
    }
}
