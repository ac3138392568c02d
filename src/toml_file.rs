//! Reading a TOML file a person wrote (a plan, the config) so that every
//! refusal names the line and the field: `agenda[0].minutes`,
//! `colors.accent`.

use serde::de::DeserializeOwned;

/// Why a TOML text was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlError {
    /// 1-based.
    pub line: usize,
    /// The path of the value (`holidays[1]`), empty for a syntax error.
    pub field: String,
    pub message: String,
}

/// Parses `text` into `T`; a value that fails its own `Deserialize` (a
/// date, a colour name) is reported at its line like any other.
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, TomlError> {
    let deserializer = toml::Deserializer::parse(text).map_err(|error| TomlError {
        line: error.span().map_or(1, |span| line_of(text, span.start)),
        field: String::new(),
        message: error.message().trim().to_string(),
    })?;
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let field = error.path().to_string();
        let inner = error.into_inner();
        TomlError {
            line: inner.span().map_or(1, |span| line_of(text, span.start)),
            field: if field == "." { String::new() } else { field },
            message: inner.message().trim().to_string(),
        }
    })
}

/// The line of a byte offset in `text` (1-based).
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// "field: " before a problem, when the problem is about a field.
pub fn field_prefix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("{field}: ")
    }
}
