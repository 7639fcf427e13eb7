//! `#[sea_orm(..)]` attribute arguments, as owned key/value pairs.

use super::facts::{ByteRange, ColumnRefFact, NameFact, PathFact};
use crate::parse::offsets::ByteOffsets;
use syn::punctuated::Punctuated;
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

    /// The last `key`: SeaORM's parsers let a repeated key overwrite the earlier one.
    pub fn get(&self, key: &str) -> Option<&AttrArg> {
        self.args.iter().rev().find(|a| a.key == key)
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
            let quick = match &a.meta {
                Meta::List(list) => quick_args(&list.tokens),
                _ => None,
            };
            let args = match quick {
                Some(args) => args,
                None => {
                    let metas = a.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated).ok()?;
                    metas.iter().filter_map(arg_of).collect()
                }
            };
            // From `#` to `]`, as `Spanned` would give without printing the attribute.
            let span = a.pound_token.span.start_byte()..a.bracket_token.span.close().end_byte();
            Some(SeaOrmAttr { args, span })
        })
        .collect()
}

/// The arguments of `#[sea_orm(..)]` read straight from its tokens, for the
/// shapes real attributes have: `key`, `key = "literal"`, `key = ident` and
/// `key(..)`. Commas between them may be left out, as SeaORM's relation
/// attribute parser (sea-bae) allows; its column attributes need them, so a
/// column attribute without commas is read although rustc rejects it. `None` for anything else, which `syn`
/// then parses or rejects. Every field and variant has such an attribute,
/// and parsing each into `syn::Meta` was a fifth of the fact extraction.
pub fn quick_args(tokens: &proc_macro2::TokenStream) -> Option<Vec<AttrArg>> {
    use proc_macro2::{Spacing, TokenTree};
    let mut args = Vec::new();
    let mut tokens = tokens.clone().into_iter().peekable();
    while let Some(token) = tokens.next() {
        let TokenTree::Ident(key) = token else { return None };
        let value = match tokens.peek() {
            None | Some(TokenTree::Ident(_)) => None,
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => None,
            Some(TokenTree::Group(_)) => {
                tokens.next();
                Some(AttrValue::Other)
            }
            Some(TokenTree::Punct(p)) if p.as_char() == '=' && p.spacing() == Spacing::Alone => {
                tokens.next();
                match tokens.next()? {
                    TokenTree::Literal(literal) => Some(match Lit::new(literal) {
                        Lit::Str(s) => str_value(&s),
                        _ => AttrValue::Other,
                    }),
                    TokenTree::Ident(_) => Some(AttrValue::Other),
                    _ => return None,
                }
            }
            Some(_) => return None,
        };
        args.push(AttrArg { key: key.to_string(), value });
        match tokens.peek() {
            Some(TokenTree::Punct(p)) if p.as_char() == ',' => {
                tokens.next();
            }
            None | Some(TokenTree::Ident(_)) => {}
            Some(_) => return None,
        }
    }
    Some(args)
}

fn arg_of(meta: &Meta) -> Option<AttrArg> {
    let key = meta.path().get_ident()?.to_string();
    let value = match meta {
        Meta::Path(_) => None,
        Meta::List(_) => Some(AttrValue::Other),
        Meta::NameValue(nv) => Some(match &nv.value {
            Expr::Lit(lit) => match &lit.lit {
                Lit::Str(s) => str_value(s),
                _ => AttrValue::Other,
            },
            _ => AttrValue::Other,
        }),
    };
    Some(AttrArg { key, value })
}

fn str_value(s: &syn::LitStr) -> AttrValue {
    let span = s.span().bytes();
    // Only a plain `"..."` without escapes or suffix maps content to source bytes 1:1.
    let raw = s.token().to_string();
    let value = s.value();
    let plain =
        s.suffix().is_empty() && raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) == Some(value.as_str());
    AttrValue::Str { value, content_start: plain.then_some(span.start + 1), span }
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

    /// Read from tokens or through `syn::Meta`, an attribute gives the same
    /// arguments; shapes the token reader does not take are left to `syn`.
    #[test]
    fn token_reading_agrees_with_syn() {
        let taken = [
            r#"table_name = "cake""#,
            r#"primary_key, auto_increment = false"#,
            r#"belongs_to = "super::cake::Entity", from = "Column::CakeId", to = "super::cake::Column::Id", on_delete = "Cascade","#,
            r#"has_many = "super::fruit::Entity""#,
            r#"column_type = "Decimal(Some((10, 2)))", nullable"#,
            r#"column_name = "ty\"pe", unique_key = "a""#,
            r#"default_value = 1, indexed, r#type = "x""#,
            r#"rs_type = "String", db_type = "Enum", enum_name = "tea""#,
            r#"via(x, y), entity = "Foo""#,
            "",
            "has_many",
        ];
        // Without commas, as sea-bae reads relation attributes.
        let no_commas =
            quick_args(&r#"belongs_to = "super::cake::Entity" from = "Column::CakeId" skip_fk"#.parse().unwrap());
        let keys: Vec<_> = no_commas.unwrap().into_iter().map(|a| a.key).collect();
        assert_eq!(keys, ["belongs_to", "from", "skip_fk"]);
        let left_to_syn = [
            "default_value = -1",
            r#"crate::x = "a""#,
            ", a",
            "a = ",
            "a == 1",
            r#"a = "x" "y""#,
            "a = (1 2)",
            "1 = 2",
        ];
        for args in taken.iter().chain(&left_to_syn) {
            let item: syn::ItemStruct = syn::parse_str(&format!("#[sea_orm({args})] struct S;")).unwrap();
            let Meta::List(list) = &item.attrs[0].meta else { panic!("{args}") };
            let quick = quick_args(&list.tokens);
            assert_eq!(quick.is_some(), taken.contains(args), "{args}");
            let through_syn = item.attrs[0]
                .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                .map(|metas| metas.iter().filter_map(arg_of).collect::<Vec<_>>());
            if let Some(quick) = quick {
                assert_eq!(format!("{quick:?}"), format!("{:?}", through_syn.unwrap()), "{args}");
            }
            assert_eq!(
                sea_orm_attrs(&item.attrs).len(),
                usize::from(quick_args(&list.tokens).is_some() || through_syn_ok(args))
            );
        }
    }

    fn through_syn_ok(args: &str) -> bool {
        let item: syn::ItemStruct = syn::parse_str(&format!("#[sea_orm({args})] struct S;")).unwrap();
        item.attrs[0].parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated).is_ok()
    }
}
