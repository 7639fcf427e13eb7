// @generated automatically by Diesel CLI.

diesel::table! {
    comments (id) {
        id -> Int4,
        issue_id -> Int4,
        author_id -> Int4,
        body -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    issue_labels (issue_id, label_id) {
        issue_id -> Int4,
        label_id -> Int4,
    }
}

diesel::table! {
    issues (id) {
        id -> Int4,
        project_id -> Int4,
        reporter_id -> Int4,
        assignee_id -> Nullable<Int4>,
        title -> Varchar,
        status -> Varchar,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    labels (id) {
        id -> Int4,
        name -> Varchar,
        color -> Varchar,
    }
}

diesel::table! {
    projects (id) {
        id -> Int4,
        owner_id -> Int4,
        name -> Varchar,
        archived -> Bool,
    }
}

diesel::table! {
    settings (key) {
        key -> Varchar,
        value -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Int4,
        username -> Varchar,
        email -> Varchar,
    }
}

diesel::joinable!(comments -> issues (issue_id));
diesel::joinable!(comments -> users (author_id));
diesel::joinable!(issue_labels -> issues (issue_id));
diesel::joinable!(issue_labels -> labels (label_id));
diesel::joinable!(issues -> projects (project_id));
diesel::joinable!(issues -> users (reporter_id));
diesel::joinable!(projects -> users (owner_id));

diesel::allow_tables_to_appear_in_same_query!(
    comments,
    issue_labels,
    issues,
    labels,
    projects,
    settings,
    users,
);
