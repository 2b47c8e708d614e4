//! `plan schema`: a JSON Schema (draft 2020-12) of the plan files, for
//! editors (taplo, "Even Better TOML") to complete and check them as people
//! type. It is made from the file format's one declaration
//! (src/file_format.rs), so it offers exactly the keys the reader accepts.

use crate::file_format::{FILE, Key, Shape, TABLES, TableFormat};
use crate::lang::Lang;
use serde_json::{Map, Value, json};

/// The schema of one key's value.
fn value(key: &Key) -> Value {
    let mut value = match key.shape {
        Shape::Text => json!({"type": "string"}),
        Shape::Texts => json!({"type": "array", "items": {"type": "string"}}),
        Shape::TextOrTexts => json!({
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}],
        }),
        Shape::Date => json!({"type": "string", "format": "date"}),
        Shape::When => json!({"type": "string"}),
        Shape::Count { min, max } => match max {
            Some(max) => json!({"type": "integer", "minimum": min, "maximum": max}),
            None => json!({"type": "integer", "minimum": min}),
        },
        Shape::Number => json!({"type": "number"}),
        Shape::TaskLetters => json!({"type": "string", "pattern": "^[A-Za-z0-9_]+$"}),
        Shape::OneOf(words) => json!({"enum": words}),
        Shape::Table(table) => json!({"$ref": format!("#/$defs/{}", table.name)}),
        Shape::Tables(table) => {
            json!({"type": "array", "items": {"$ref": format!("#/$defs/{}", table.name)}})
        }
    };
    value["description"] = json!(key.description);
    value
}

/// A translatable key's twin in `lang` (`title_cy`): the key's own schema,
/// said to be its text in that language. The schema cannot know a plan's
/// `languages`, so it offers a twin in each language `plan` knows; `plan
/// check` says which a plan may have.
fn twin(key: &Key, lang: Lang) -> (String, Value) {
    let mut twin = value(key);
    twin["description"] = json!(format!(
        "`{}` in {} ({lang}), where [plan] languages names {lang} after the first language",
        key.name,
        lang.own_name()
    ));
    (format!("{}_{lang}", key.name), twin)
}

/// The schema of a kind of table.
fn table(format: &TableFormat) -> Value {
    let properties: Map<String, Value> = format
        .keys
        .iter()
        .flat_map(|key| {
            let twins = Lang::ALL
                .into_iter()
                .filter(|_| key.translatable)
                .map(|lang| twin(key, lang));
            std::iter::once((key.name.to_string(), value(key))).chain(twins)
        })
        .collect();
    let required: Vec<&str> = format
        .keys
        .iter()
        .filter(|k| k.required)
        .map(|k| k.name)
        .collect();
    json!({
        "type": "object",
        "description": format.description,
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// The whole schema of a plan file.
pub fn schema() -> Value {
    let mut whole = table(&FILE);
    let definitions: Map<String, Value> = TABLES
        .iter()
        .filter(|t| t.name != FILE.name)
        .map(|t| (t.name.to_string(), table(t)))
        .collect();
    whole["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    whole["title"] = json!("plan file");
    whole["$defs"] = Value::Object(definitions);
    whole
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table a key refers to is defined, and every key is described.
    #[test]
    fn every_reference_is_defined_and_every_key_described() {
        let whole = schema();
        for format in TABLES {
            for key in format.keys {
                assert!(!key.description.is_empty(), "{}.{}", format.name, key.name);
                if let Shape::Table(t) | Shape::Tables(t) = key.shape {
                    assert!(whole["$defs"].get(t.name).is_some(), "{}", t.name);
                }
            }
        }
        assert_eq!(whole["required"], json!([]));
        assert_eq!(
            whole["$defs"]["task"]["required"],
            json!(["id", "text", "lead"])
        );
        let task: Vec<&String> = whole["$defs"]["task"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        let at = |name: &str| task.iter().position(|k| *k == name).unwrap();
        assert_eq!(
            (at("text_cy"), at("text_en")),
            (at("text") + 1, at("text") + 2)
        );
        assert_eq!(
            whole["$defs"]["card"]["properties"]["outcomes_cy"]["type"],
            "array"
        );
        assert!(whole["$defs"]["task"]["properties"].get("id_cy").is_none());
    }
}
