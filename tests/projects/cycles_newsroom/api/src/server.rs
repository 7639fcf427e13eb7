//! Turns one request line into a handler call and the result into text.

use crate::error::{ApiError, ApiResult};
use crate::handlers::{articles, authors, comments};
use crate::AppState;

pub enum Request<'a> {
    Articles { page: u64 },
    Front,
    Publish(i32),
    Authors(&'a str),
    Comments(i32),
    Moderate { comment_id: i32, approve: bool },
    Sweep,
    Dashboard,
    Health,
}

fn parse(raw: &str) -> ApiResult<Request<'_>> {
    let (verb, rest) = raw.trim().split_once(' ').unwrap_or((raw.trim(), ""));
    let id = || rest.trim().parse::<i32>().map_err(|_| ApiError::BadRequest(format!("`{rest}` is not an id")));
    Ok(match verb {
        "articles" => Request::Articles {
            page: rest.trim().parse().unwrap_or(0),
        },
        "front" => Request::Front,
        "publish" => Request::Publish(id()?),
        "authors" => Request::Authors(rest.trim()),
        "comments" => Request::Comments(id()?),
        "approve" => Request::Moderate { comment_id: id()?, approve: true },
        "reject" => Request::Moderate { comment_id: id()?, approve: false },
        "sweep" => Request::Sweep,
        "dashboard" => Request::Dashboard,
        "health" => Request::Health,
        other => return Err(ApiError::BadRequest(format!("unknown request `{other}`"))),
    })
}

pub async fn serve(state: &AppState, raw: &str) -> String {
    let outcome = match parse(raw) {
        Ok(request) => dispatch(state, request).await,
        Err(err) => Err(err),
    };
    match outcome {
        Ok(body) => body,
        Err(err) => format!("error: {err}"),
    }
}

async fn dispatch(state: &AppState, request: Request<'_>) -> ApiResult<String> {
    let db = &state.db;
    match request {
        Request::Articles { page } => {
            let cards = articles::list(db, page, state.config.page_size).await?;
            Ok(format!("{cards:#?}"))
        }
        Request::Front => {
            let rows = crate::store::articles::published_page(db, 0, state.config.page_size).await?;
            let cards = crate::services::feed::front_page(rows, state.config.front_page_size);
            Ok(format!("{cards:#?}"))
        }
        Request::Publish(id) => Ok(format!("{:#?}", articles::publish(db, id).await?)),
        Request::Authors(q) => Ok(format!("{:#?}", authors::search(db, q).await?)),
        Request::Comments(article_id) => Ok(format!("{:#?}", comments::list(db, article_id).await?)),
        Request::Moderate { comment_id, approve } => {
            comments::moderate(db, comment_id, approve).await?;
            Ok("ok".to_owned())
        }
        Request::Sweep => Ok(format!("{} comments moderated", comments::sweep(db).await?)),
        Request::Dashboard => {
            let (live, pending) = crate::store::dashboard(db).await?;
            Ok(format!("{live} live articles, {pending} comments to moderate"))
        }
        Request::Health => match crate::status::health(db).await {
            Ok(health) => Ok(format!("{health:?}")),
            Err(d) => Err(crate::degraded!(d.component)),
        },
    }
}
