//! Helpers several rules share: where a `RelationDef` leads, and how to write
//! the fix in the format the user's entity is written in.

use crate::model::{Entity, EntityFormat, EntityId, Project, RelDef, RelDefKind, Relation};

/// `` `post` `` for messages.
pub fn q(name: &str) -> String {
    format!("`{name}`")
}

/// Where a `RelationDef` goes, as (from entity, to entity).
#[derive(Debug, PartialEq, Eq)]
pub enum Endpoints {
    Known(EntityId, EntityId),
    /// `owner::Relation::X` where `owner` has no variant `X`.
    MissingVariant {
        owner: EntityId,
        variant: String,
    },
    /// Not modelled (a builder, a function call) or a path that did not resolve.
    Unknown,
}

pub fn endpoints(project: &Project, def: &RelDef) -> Endpoints {
    let (from, to) = match &def.kind {
        RelDefKind::Variant { owner: Some(owner), variant } => match project.entity(*owner).relation_variant(variant) {
            Some(relation) => match relation.target.entity() {
                Some(target) => (*owner, target),
                None => return Endpoints::Unknown,
            },
            None => return Endpoints::MissingVariant { owner: *owner, variant: variant.clone() },
        },
        RelDefKind::RelatedTo { owner: Some(owner), target: Some(target) } => {
            // `<J as Related<A>>::to()` goes J -> A.
            (*owner, *target)
        }
        _ => return Endpoints::Unknown,
    };
    if def.rev {
        Endpoints::Known(to, from)
    } else {
        Endpoints::Known(from, to)
    }
}

/// The path from `from`'s module to `to`'s entity, as sea-orm-cli writes it.
pub fn entity_path(project: &Project, from: EntityId, to: EntityId) -> String {
    if from == to {
        "Entity".to_string()
    } else {
        format!("super::{}::Entity", project.entity(to).name)
    }
}

/// Guess the foreign key column of `child` that points at `parent`:
/// `<parent>_id`, or a column ending in `_<parent>_id`.
pub fn guess_fk<'e>(child: &'e Entity, parent: &Entity) -> Option<&'e crate::model::Column> {
    let table = parent.table.clone().unwrap_or_else(|| parent.name.clone());
    let wanted = [format!("{}_id", parent.name), format!("{table}_id")];
    child
        .columns
        .iter()
        .find(|c| wanted.contains(&c.name))
        .or_else(|| child.columns.iter().find(|c| c.name.ends_with(&format!("_{}_id", parent.name))))
}

/// The primary key column a foreign key would reference (`id`).
pub fn primary_key(entity: &Entity) -> Option<&crate::model::Column> {
    entity.columns.iter().find(|c| c.primary_key)
}

/// The `belongs_to` declaration to add to `child` so it points back at `parent`,
/// written in `child`'s format.
pub fn belongs_to_snippet(project: &Project, child: &Entity, parent: &Entity) -> String {
    let fk = guess_fk(child, parent).map_or_else(|| format!("{}_id", parent.name), |c| c.name.clone());
    let pk = primary_key(parent).map_or_else(|| "id".to_string(), |c| c.name.clone());
    let target = entity_path(project, child.id, parent.id);
    let camel = |s: &str| heck::ToUpperCamelCase::to_upper_camel_case(s);
    match child.format {
        EntityFormat::Dense => {
            let ty = if child.columns.iter().any(|c| c.name == fk && c.nullable) { "Option<" } else { "" };
            let close = if ty.is_empty() { "" } else { ">" };
            format!(
                "#[sea_orm(belongs_to, from = \"{fk}\", to = \"{pk}\")]\npub {}: BelongsTo<{ty}{target}{close}>,",
                parent.name
            )
        }
        EntityFormat::Compact => format!(
            "#[sea_orm(belongs_to = \"{target}\", from = \"Column::{}\", to = \"{}::Column::{}\")]\n{},\n\n{}",
            camel(&fk),
            target.trim_end_matches("::Entity"),
            camel(&pk),
            camel(&parent.name),
            related_snippet(&target, &camel(&parent.name))
        ),
        EntityFormat::Expanded => format!(
            "// in `enum Relation`:\n{variant},\n// in `RelationTrait::def`:\nSelf::{variant} => Entity::belongs_to({target}).from(Column::{}).to({}::Column::{}).into(),\n\n{}",
            camel(&fk),
            target.trim_end_matches("::Entity"),
            camel(&pk),
            related_snippet(&target, &camel(&parent.name)),
            variant = camel(&parent.name),
        ),
    }
}

/// `impl Related<target> for Entity` returning `Relation::variant`.
pub fn related_snippet(target: &str, variant: &str) -> String {
    format!("impl Related<{target}> for Entity {{\n    fn to() -> RelationDef {{\n        Relation::{variant}.def()\n    }}\n}}")
}

/// The `has_many` declaration to add to `parent` for `child`, in `parent`'s format.
pub fn has_many_snippet(project: &Project, parent: &Entity, child: &Entity) -> String {
    let target = entity_path(project, parent.id, child.id);
    let camel = heck::ToUpperCamelCase::to_upper_camel_case(child.name.as_str());
    match parent.format {
        EntityFormat::Dense => format!("#[sea_orm(has_many)]\npub {}s: HasMany<{target}>,", child.name),
        EntityFormat::Compact => {
            format!("#[sea_orm(has_many = \"{target}\")]\n{camel},\n\n{}", related_snippet(&target, &camel))
        }
        EntityFormat::Expanded => format!(
            "// in `enum Relation`:\n{camel},\n// in `RelationTrait::def`:\nSelf::{camel} => Entity::has_many({target}).into(),\n\n{}",
            related_snippet(&target, &camel)
        ),
    }
}

/// How a relation is written, for messages: `` `user.posts` `` or `` `Relation::Post` ``.
pub fn relation_name(owner: &Entity, relation: &Relation) -> String {
    match (&relation.field, &relation.variant) {
        (Some(field), _) => format!("`{}.{}`", owner.name, field),
        (None, Some(variant)) => format!("`{}::Relation::{}`", owner.name, variant),
        (None, None) => format!("`{}`", owner.name),
    }
}

/// A variant name as `via_rel` accepts it: `"Relation::X"` or `"X"`.
pub fn strip_relation_prefix(name: &str) -> &str {
    name.trim().rsplit("::").next().unwrap_or(name)
}

/// `impl Related<target> for Entity` through `junction`, written from `owner`'s side.
pub fn related_via_snippet(owner: &Entity, junction: &Entity, target: &Entity) -> String {
    let camel = |s: &str| heck::ToUpperCamelCase::to_upper_camel_case(s);
    format!(
        "impl Related<super::{t}::Entity> for Entity {{\n    fn to() -> RelationDef {{\n        super::{j}::Relation::{tc}.def()\n    }}\n    fn via() -> Option<RelationDef> {{\n        Some(super::{j}::Relation::{oc}.def().rev())\n    }}\n}}",
        t = target.name,
        j = junction.name,
        tc = camel(&target.name),
        oc = camel(&owner.name),
    )
}

/// The way back for a many-to-many from `owner` to `target` through `junction`, in `owner`'s format.
pub fn many_to_many_snippet(owner: &Entity, junction: &Entity, target: &Entity) -> String {
    match owner.format {
        EntityFormat::Dense => format!(
            "#[sea_orm(has_many, via = \"{}\")]\npub {}s: HasMany<super::{}::Entity>,",
            junction.name, target.name, target.name
        ),
        _ => related_via_snippet(owner, junction, target),
    }
}

/// The foreign key columns of a `belongs_to`, as declared in `child`
/// (those that resolve; composite keys give several).
pub fn fk_columns<'e>(child: &'e Entity, relation: &Relation) -> Vec<&'e crate::model::Column> {
    relation.from.iter().filter(|c| c.entity == Some(child.id)).filter_map(|c| child.column(&c.variant)).collect()
}

/// Every column of the foreign key accepts NULL, so `SetNull` can clear it.
pub fn nullable_fk(columns: &[&crate::model::Column]) -> bool {
    !columns.is_empty() && columns.iter().all(|c| c.nullable)
}

/// `post.user_id`, `post.(user_id, org_id)` for a composite key, or the
/// columns as written when they name nothing.
pub fn fk_text(child: &Entity, relation: &Relation, columns: &[&crate::model::Column]) -> String {
    match columns {
        [] => {
            let written: Vec<&str> = relation.from.iter().map(|c| c.variant.as_str()).collect();
            format!("{}.{}", child.name, if written.is_empty() { relation.label() } else { written.join(", ") })
        }
        [one] => format!("{}.{}", child.name, one.name),
        many => format!("{}.({})", child.name, many.iter().map(|c| c.name.as_str()).collect::<Vec<_>>().join(", ")),
    }
}

/// A `belongs_to` whose foreign key SeaORM creates, so its referential
/// actions reach the database.
pub fn creates_foreign_key(relation: &Relation) -> bool {
    relation.kind == crate::model::RelKind::BelongsTo
        && relation.declared
        && !relation.opaque
        && !relation.skip_fk
        && relation.via.is_none()
}

/// `on_delete = "Cascade"` written in `format`: an attribute argument, or a
/// builder call for the expanded format.
pub fn action_snippet(format: EntityFormat, key: &str, action: &str) -> String {
    match format {
        EntityFormat::Expanded => format!(".{key}(ForeignKeyAction::{action})"),
        _ => format!("{key} = \"{action}\""),
    }
}

/// The name users know a relation's target by: the entity, or the path as written.
pub fn target_name(project: &Project, relation: &Relation) -> String {
    match &relation.target {
        crate::model::Target::Entity(id) => project.entity(*id).name.clone(),
        crate::model::Target::Unresolved { text, .. } => {
            text.trim_end_matches("::Entity").rsplit("::").next().unwrap_or(text).to_string()
        }
    }
}

/// "a `user`", "an `event`": the article English wants before a name
/// (`u` as in "user" and "unit" takes "a", as in "upload" takes "an").
pub fn a(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let you = ["us", "uni", "uti", "uu", "ur"].iter().any(|p| lower.starts_with(p));
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) && !you { "an" } else { "a" };
    format!("{article} `{name}`")
}

#[cfg(test)]
mod tests {
    #[test]
    fn articles() {
        assert_eq!(super::a("user"), "a `user`");
        assert_eq!(super::a("event"), "an `event`");
        assert_eq!(super::a("upload"), "an `upload`");
        assert_eq!(super::a("post"), "a `post`");
    }
}
