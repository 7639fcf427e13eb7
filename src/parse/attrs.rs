//! `#[sea_orm(..)]` attribute arguments, as owned key/value pairs.

use super::facts::{ByteRange, ColumnRefFact, NameFact, PathFact};
use crate::parse::offsets::ByteOffsets;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Lit, Meta, Token};

/// The keys that make an attribute a relation attribute.
pub const RELATION_KEYS: &[&str] = &[
    "belongs_to",
    "has_one",
    "has_many",
    "from",
    "to",
    "via",
    "via_rel",
    "relation_enum",
    "relation_reverse",
    "self_ref",
    "reverse",
    "on_delete",
    "on_update",
    "skip_fk",
    "fk_name",
    "on_condition",
    "condition_type",
];

/// One `key` or `key = value` inside `#[sea_orm(..)]`.
#[derive(Debug, Clone)]
pub struct AttrArg {
    pub key: String,
    pub value: Option<AttrValue>,
}

#[derive(Debug, Clone)]
pub enum AttrValue {
    /// A string literal; `content_start` is the byte offset of its first content
    /// character when the literal is a plain `"..."` without escapes.
    Str { value: String, span: ByteRange, content_start: Option<usize> },
    /// Any other value (`auto_increment = false`, `default_value = 0`).
    Other,
}

/// A parsed `#[sea_orm(..)]` attribute.
#[derive(Debug, Clone)]
pub struct SeaOrmAttr {
    pub args: Vec<AttrArg>,
    pub span: ByteRange,
}

impl SeaOrmAttr {
    pub fn has(&self, key: &str) -> bool {
        self.args.iter().any(|a| a.key == key)
    }

    pub fn get(&self, key: &str) -> Option<&AttrArg> {
        self.args.iter().find(|a| a.key == key)
    }

    pub fn str(&self, key: &str) -> Option<NameFact> {
        match &self.get(key)?.value {
            Some(AttrValue::Str { value, span, .. }) => Some(NameFact { name: value.clone(), span: span.clone() }),
            _ => None,
        }
    }

    /// A string value as a path: `"super::cake::Entity"`.
    pub fn path(&self, key: &str) -> Option<PathFact> {
        let arg = self.get(key)?;
        let Some(AttrValue::Str { value, span, content_start }) = &arg.value else { return None };
        let mut refs = split_column_list(value, span, *content_start);
        if refs.len() != 1 {
            return None;
        }
        let first = refs.remove(0);
        Some(PathFact { segments: first.path, span: first.span })
    }

    /// A string value as a list of column paths: `"Column::A"` or `"(a, b)"`.
    pub fn columns(&self, key: &str) -> Vec<ColumnRefFact> {
        match self.get(key).and_then(|a| a.value.as_ref()) {
            Some(AttrValue::Str { value, span, content_start }) => split_column_list(value, span, *content_start),
            _ => Vec::new(),
        }
    }

    pub fn relation_keys(&self) -> Vec<String> {
        self.args.iter().filter(|a| RELATION_KEYS.contains(&a.key.as_str())).map(|a| a.key.clone()).collect()
    }
}

/// Every `#[sea_orm(..)]` attribute in order. Unparsable ones are skipped:
/// rustc reports those, and ormlint must not guess.
pub fn sea_orm_attrs(attrs: &[Attribute]) -> Vec<SeaOrmAttr> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("sea_orm"))
        .filter_map(|a| {
            let metas = a.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated).ok()?;
            let args = metas.iter().filter_map(arg_of).collect();
            Some(SeaOrmAttr { args, span: a.span().bytes() })
        })
        .collect()
}

fn arg_of(meta: &Meta) -> Option<AttrArg> {
    let key = meta.path().get_ident()?.to_string();
    let value = match meta {
        Meta::Path(_) => None,
        Meta::List(_) => Some(AttrValue::Other),
        Meta::NameValue(nv) => Some(match &nv.value {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Str(s) => {
                    let span = s.span().bytes();
                    // Only a plain `"..."` without escapes or suffix maps content to source bytes 1:1.
                    let raw = s.token().to_string();
                    let value = s.value();
                    let plain = s.suffix().is_empty()
                        && raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) == Some(value.as_str());
                    AttrValue::Str { value, content_start: plain.then_some(span.start + 1), span }
                }
                _ => AttrValue::Other,
            },
            _ => AttrValue::Other,
        }),
    };
    Some(AttrArg { key, value })
}

/// Split `"Column::A"`, `"(Column::A, Column::B)"` or `"(a, b)"` into column
/// paths, each with the byte range of its own text when it can be known.
pub fn split_column_list(value: &str, literal: &ByteRange, content_start: Option<usize>) -> Vec<ColumnRefFact> {
    let trimmed = value.trim();
    let (inner, inner_offset) = match trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) => (inner, value.find('(').map_or(0, |i| i + 1)),
        None => (value, 0),
    };
    let mut out = Vec::new();
    let mut offset = inner_offset;
    for part in inner.split(',') {
        let lead = part.len() - part.trim_start().len();
        let text = part.trim();
        if !text.is_empty() {
            let span = match content_start {
                Some(start) => start + offset + lead..start + offset + lead + text.len(),
                None => literal.clone(),
            };
            out.push(ColumnRefFact { path: split_path(text), span });
        }
        offset += part.len() + 1;
    }
    out
}

/// `"::a::b :: C"` -> `["::", "a", "b", "C"]`.
pub fn split_path(text: &str) -> Vec<String> {
    let text = text.trim();
    let mut segments = Vec::new();
    let rest = match text.strip_prefix("::") {
        Some(rest) => {
            segments.push("::".to_string());
            rest
        }
        None => text,
    };
    segments.extend(rest.split("::").map(|s| s.trim().trim_start_matches("r#").to_string()));
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_columns_get_their_own_spans() {
        let source = r#"x = "(a, Column::Bb)""#;
        let start = source.find('"').unwrap();
        let refs = split_column_list("(a, Column::Bb)", &(start..source.len()), Some(start + 1));
        assert_eq!(refs.len(), 2);
        assert_eq!(&source[refs[0].span.clone()], "a");
        assert_eq!(&source[refs[1].span.clone()], "Column::Bb");
        assert_eq!(refs[1].path, vec!["Column", "Bb"]);
    }
}
