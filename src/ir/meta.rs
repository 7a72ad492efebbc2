//! The metadata codec: one table of the [`Meta`] fields as the outside
//! formats name them (Markdown front matter keys, AKN proprietary elements),
//! and one way to get and set a field's value, built on `Meta`'s serde
//! derives. A new field is one row here; every format then carries it.

use serde_json::{Map, Value};

use super::Meta;

/// How a field's value looks outside the IR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One string or number.
    Scalar,
    /// A list of strings.
    List,
    /// An object with one identifying member, written as an XML attribute,
    /// and one text member (a meeting: number and the line as printed).
    Keyed {
        /// The identifying member ("number").
        key: &'static str,
        /// The text member ("printed").
        text: &'static str,
    },
    /// A list of keyed objects (agenda items: number and title).
    KeyedList {
        /// The identifying member of each item ("number").
        key: &'static str,
        /// The text member of each item ("title").
        text: &'static str,
    },
}

/// One metadata field.
#[derive(Debug)]
pub struct Field {
    /// The `Meta` field's serde name.
    pub ir: &'static str,
    /// The Markdown front matter key.
    pub key: &'static str,
    /// The element's local name in the AKN proprietary block; `None` where
    /// AKN carries the value in an element of its own (the title).
    pub element: Option<&'static str>,
    /// How the value looks.
    pub shape: Shape,
    /// What a value must be, for error messages.
    pub expects: &'static str,
}

const fn field(ir: &'static str, key: &'static str, element: &'static str) -> Field {
    Field {
        ir,
        key,
        element: Some(element),
        shape: Shape::Scalar,
        expects: "a string",
    }
}

const NUMBER: &str = "a whole number";
const DATE: &str = "a date (YYYY-MM-DD)";

/// Every metadata field, in the order the formats write them.
pub const FIELDS: &[Field] = &[
    field("symbol", "symbol", "symbol"),
    Field {
        element: None,
        ..field("title", "title", "")
    },
    field("title_num", "title_number", "titleNumber"),
    Field {
        shape: Shape::List,
        expects: "a list of strings",
        ..field("running_heads", "running_heads", "runningHead")
    },
    field("job_number", "job_number", "jobNumber"),
    Field {
        expects: "a language code (zh, en, fr, es, ru, ar)",
        ..field("lang", "language", "language")
    },
    Field {
        expects: "GA, SC or ECOSOC",
        ..field("body", "body", "body")
    },
    Field {
        expects: NUMBER,
        ..field("session", "session", "session")
    },
    Field {
        expects: NUMBER,
        ..field("number", "number", "number")
    },
    Field {
        expects: NUMBER,
        ..field("year", "year", "year")
    },
    field("committee", "committee", "committee"),
    Field {
        shape: Shape::List,
        expects: "a list of document symbols",
        ..field("reports", "report", "report")
    },
    field("report_paragraph", "report_paragraph", "reportParagraph"),
    field("draft", "draft", "draft"),
    Field {
        shape: Shape::KeyedList {
            key: "number",
            text: "title",
        },
        expects: "a list of {\"number\": …, \"title\": …}",
        ..field("agenda_items", "agenda", "agendaItem")
    },
    Field {
        expects: DATE,
        ..field("distributed", "distributed", "distributed")
    },
    Field {
        expects: DATE,
        ..field("adopted", "adopted", "adopted")
    },
    Field {
        shape: Shape::Keyed {
            key: "number",
            text: "printed",
        },
        expects: "{\"number\": …, \"printed\": …}",
        ..field("meeting", "meeting", "meeting")
    },
];

/// The field a front matter key names.
pub fn by_key(key: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.key == key)
}

/// The field an AKN proprietary element names.
pub fn by_element(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.element == Some(name))
}

/// The fields `meta` holds a value for (not absent, not empty), in
/// [`FIELDS`] order, each with its value; members of objects that are
/// absent are left out.
pub fn encode(meta: &Meta) -> Vec<(&'static Field, Value)> {
    let Ok(Value::Object(mut all)) = serde_json::to_value(meta) else {
        return Vec::new();
    };
    FIELDS
        .iter()
        .filter_map(|f| {
            let v = without_nulls(all.remove(f.ir)?);
            (!is_empty(&v)).then_some((f, v))
        })
        .collect()
}

/// Sets one field of `meta` from a value, accepting the forms people write
/// (a number where a string is kept, one item where a list is, a meeting
/// as its bare number); `Err` with what the field expects when the value
/// fits none.
pub fn set(meta: &mut Meta, field: &Field, value: Value) -> Result<(), &'static str> {
    let tries = [
        value.clone(),
        strings_of_numbers(value.clone()),
        numbers_of_strings(value.clone()),
        reshape(field.shape, value),
    ];
    for v in tries {
        if let Some(m) = with(meta, field, v) {
            *meta = m;
            return Ok(());
        }
    }
    Err(field.expects)
}

/// One field set (or cleared) over what a reader found: `--metadata
/// key=value`. Made only by [`Override::parse`], which checks the value, so
/// applying one never fails.
#[derive(Debug, Clone)]
pub struct Override {
    field: &'static Field,
    /// `None` clears the field (`key=` with nothing after the `=`).
    value: Option<Value>,
}

impl Override {
    /// Parses `key=value`: the key a front matter key ([`FIELDS`]), the
    /// value read as YAML (`session=59`, `report=[A/59/494, A/59/495]`,
    /// `agenda=[{number: 107, title: Crime}]`), or taken as the text itself
    /// where it is no YAML; nothing after the `=` clears the field.
    pub fn parse(arg: &str) -> Result<Override, String> {
        let Some((key, raw)) = arg.split_once('=') else {
            return Err(format!("expected KEY=VALUE, found {arg:?}"));
        };
        let key = key.trim();
        let field = by_key(key).ok_or_else(|| {
            let keys: Vec<&str> = FIELDS.iter().map(|f| f.key).collect();
            format!("unknown metadata key {key:?} (known: {})", keys.join(", "))
        })?;
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(Override { field, value: None });
        }
        let yaml = match yaml_serde::from_str::<Value>(raw) {
            Ok(Value::Null) | Err(_) => None,
            Ok(v) => Some(v),
        };
        // Checked on an empty Meta: a field's value deserialises on its own,
        // so what fits there fits on any Meta. The YAML reading first, the
        // text as written where that does not fit ("Crime: prevention").
        // For a one-value field the text as written comes first, so that
        // `job_number=0o17` stays "0o17" (unless quoted as YAML).
        let text = Value::from(raw);
        let tries = if field.shape == Shape::Scalar && !raw.starts_with(['"', '\'']) {
            [Some(text), yaml]
        } else {
            [yaml, Some(text)]
        };
        let mut probe = Meta::default();
        let value = tries
            .into_iter()
            .flatten()
            .find(|v| set(&mut probe, field, v.clone()).is_ok())
            .ok_or_else(|| format!("metadata {key:?}: expected {}", field.expects))?;
        Ok(Override {
            field,
            value: Some(value),
        })
    }

    /// The field this sets.
    pub fn field(&self) -> &'static Field {
        self.field
    }

    /// Sets (or clears) the field in `meta`.
    pub fn apply(&self, meta: &mut Meta) {
        match &self.value {
            Some(v) => {
                // Cannot fail: `parse` checked it.
                let _ = set(meta, self.field, v.clone());
            }
            None => clear(meta, self.field),
        }
    }
}

impl std::fmt::Display for Override {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.value {
            Some(v) => write!(f, "{}={v}", self.field.key),
            None => write!(f, "{}=", self.field.key),
        }
    }
}

/// Sets `field` back to its value in an empty `Meta` (absent or empty).
pub fn clear(meta: &mut Meta, field: &Field) {
    let Ok(Value::Object(mut empty)) = serde_json::to_value(Meta::default()) else {
        return;
    };
    let value = empty.remove(field.ir);
    if let Some(m) = with_value(meta, field, value) {
        *meta = m;
    }
}

/// `meta` with one field replaced, if the value deserialises.
fn with(meta: &Meta, field: &Field, value: Value) -> Option<Meta> {
    with_value(meta, field, Some(value))
}

/// `meta` with one field replaced by `value`, or by its serde default
/// when `None`.
fn with_value(meta: &Meta, field: &Field, value: Option<Value>) -> Option<Meta> {
    let Ok(Value::Object(mut all)) = serde_json::to_value(meta) else {
        return None;
    };
    match value {
        Some(v) => all.insert(field.ir.to_string(), v),
        None => all.remove(field.ir),
    };
    serde_json::from_value(Value::Object(all)).ok()
}

/// One value in the shape the field has: a scalar into a one-item list, a
/// bare number into a keyed object (with an empty text).
fn reshape(shape: Shape, value: Value) -> Value {
    // The key as a number where it is one, the text as text (a meeting
    // printed "74" stays the string "74").
    let keyed = |key: &str, text: &str, v: Value| {
        let mut o = match v {
            Value::Object(o) => o,
            other => Map::from_iter([(key.to_string(), other)]),
        };
        if let Some(k) = o.remove(key) {
            o.insert(key.to_string(), numbers_of_strings(k));
        }
        let t = o.remove(text).map_or_else(|| "".into(), strings_of_numbers);
        o.insert(text.to_string(), t);
        Value::Object(o)
    };
    match (shape, value) {
        (Shape::List, v @ (Value::String(_) | Value::Number(_))) => {
            Value::Array(vec![strings_of_numbers(v)])
        }
        (Shape::Keyed { key, text }, v) => keyed(key, text, v),
        (_, v) => v,
    }
}

/// Numbers anywhere in `v` as strings ("107" for 107).
fn strings_of_numbers(v: Value) -> Value {
    map_leaves(v, &|leaf| match leaf {
        Value::Number(n) => Value::String(n.to_string()),
        other => other,
    })
}

/// Strings of digits anywhere in `v` as numbers (74 for "74").
fn numbers_of_strings(v: Value) -> Value {
    map_leaves(v, &|leaf| match leaf {
        Value::String(s) => match s.trim().parse::<u64>() {
            Ok(n) => Value::from(n),
            Err(_) => Value::String(s),
        },
        other => other,
    })
}

/// `v` with `f` applied to every value that is no list or object.
fn map_leaves(v: Value, f: &dyn Fn(Value) -> Value) -> Value {
    match v {
        Value::Array(a) => Value::Array(a.into_iter().map(|x| map_leaves(x, f)).collect()),
        Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, x)| (k, map_leaves(x, f))).collect())
        }
        leaf => f(leaf),
    }
}

fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k, without_nulls(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{AgendaItem, Body, Lang, Meeting};
    use super::*;

    fn full() -> Meta {
        Meta {
            body: Body::SecurityCouncil,
            symbol: "S/RES/1454 (2002)".into(),
            session: Some(59),
            number: Some(1454),
            year: Some(2002),
            lang: Lang::Fr,
            title: "Title".into(),
            title_num: "59/159.".into(),
            running_heads: vec!["Head".into()],
            job_number: Some("04-1".into()),
            committee: Some("Third Committee".into()),
            reports: vec!["A/59/494".into(), "A/59/494/Add.1".into()],
            report_paragraph: Some("para. 3".into()),
            draft: Some("A/59/L.1".into()),
            agenda_items: vec![
                AgendaItem {
                    number: "107".into(),
                    title: Some("Crime".into()),
                },
                AgendaItem {
                    number: "20 (a)".into(),
                    title: None,
                },
            ],
            adopted: "2004-12-20".parse().ok(),
            distributed: "2005-02-23".parse().ok(),
            meeting: Some(Meeting {
                number: 74,
                printed: "74th plenary meeting".into(),
            }),
        }
    }

    #[test]
    fn every_meta_field_is_in_the_table_once() {
        let Value::Object(all) = serde_json::to_value(full()).unwrap() else {
            panic!("Meta is an object");
        };
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.ir).collect();
        names.sort_unstable();
        let mut fields: Vec<&str> = all.keys().map(String::as_str).collect();
        fields.sort_unstable();
        assert_eq!(names, fields);
    }

    #[test]
    fn encode_then_set_gives_the_same_meta() {
        let m = full();
        let mut back = Meta::default();
        let pairs = encode(&m);
        assert_eq!(pairs.len(), FIELDS.len());
        for (f, v) in pairs {
            set(&mut back, f, v).unwrap();
        }
        assert_eq!(back, m);
        assert!(encode(&Meta::default())
            .iter()
            .all(|(f, _)| ["lang", "body"].contains(&f.ir)));
    }

    #[test]
    fn set_accepts_what_people_write_and_refuses_the_rest() {
        let mut m = Meta::default();
        let f = |k| by_key(k).unwrap();
        set(&mut m, f("session"), "59".into()).unwrap();
        set(&mut m, f("report"), "A/59/494".into()).unwrap();
        set(&mut m, f("meeting"), Value::from(74)).unwrap();
        assert_eq!(m.meeting.as_ref().map(|x| x.printed.as_str()), Some(""));
        // As the AKN proprietary block gives it: every value a string.
        set(
            &mut m,
            f("meeting"),
            serde_json::json!({"number": "7", "printed": "7"}),
        )
        .unwrap();
        assert_eq!(
            m.meeting.as_ref().map(|x| (x.number, x.printed.as_str())),
            Some((7, "7"))
        );
        set(&mut m, f("agenda"), serde_json::json!([{"number": 107}])).unwrap();
        set(&mut m, f("title_number"), Value::from(12)).unwrap();
        assert_eq!(m.session, Some(59));
        assert_eq!(m.reports, ["A/59/494"]);
        assert_eq!(m.meeting.as_ref().map(|x| x.number), Some(7));
        assert_eq!(m.agenda_items[0].number, "107");
        assert_eq!(m.title_num, "12");
        assert_eq!(set(&mut m, f("session"), "fifty".into()), Err(NUMBER));
        assert!(set(&mut m, f("body"), "UN".into()).is_err());
        assert!(set(&mut m, f("language"), "xx".into()).is_err());
        clear(&mut m, f("report"));
        clear(&mut m, f("session"));
        assert!(m.reports.is_empty() && m.session.is_none());
        let mut m = full();
        for f in FIELDS {
            clear(&mut m, f);
        }
        assert_eq!(m, Meta::default());
        assert_eq!(by_element("agendaItem").map(|f| f.key), Some("agenda"));
    }

    #[test]
    fn overrides_parse_yaml_values_and_refuse_bad_ones() {
        let mut m = full();
        for arg in [
            "session=60",
            "report=[A/60/1, A/60/2]",
            "title=Crime: prevention",
            "committee=",
            "adopted=2005-01-02",
            "job_number=0o17",
            "draft=\"A/60/L.1\"",
        ] {
            Override::parse(arg).unwrap().apply(&mut m);
        }
        assert_eq!(m.session, Some(60));
        assert_eq!(m.reports, ["A/60/1", "A/60/2"]);
        assert_eq!(m.title, "Crime: prevention");
        assert_eq!(m.committee, None);
        assert_eq!(m.job_number.as_deref(), Some("0o17"));
        assert_eq!(m.draft.as_deref(), Some("A/60/L.1"));
        assert_eq!(
            m.adopted.map(|d| d.to_string()).as_deref(),
            Some("2005-01-02")
        );
        assert!(Override::parse("session=fifty").is_err());
        assert!(Override::parse("colour=red")
            .unwrap_err()
            .contains("known: symbol"));
        assert!(Override::parse("session").is_err());
        assert!(Override::parse("adopted=yesterday").is_err());
    }
}
