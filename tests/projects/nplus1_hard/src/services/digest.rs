//! Daily digest e-mail sent to organization admins.

use sea_orm::DbErr;

use crate::entities::ticket_comment;
use crate::repo::{AgentDirectory, TicketRepo};

#[derive(Debug)]
pub struct DigestLine {
    pub ticket_id: i32,
    pub subject: String,
    pub public_replies: usize,
    pub last_agent: Option<String>,
}

pub struct DigestService<R> {
    repo: R,
    directory: AgentDirectory,
}

impl<R: TicketRepo> DigestService<R> {
    pub fn new(repo: R, directory: AgentDirectory) -> Self {
        Self { repo, directory }
    }

    fn line(
        &self,
        ticket_id: i32,
        subject: &str,
        comments: &[ticket_comment::Model],
    ) -> DigestLine {
        let last_agent = comments
            .iter()
            .rev()
            .find_map(|c| c.author_agent_id)
            .and_then(|id| self.directory.agent_by_id(id))
            .map(|a| a.name.clone());
        DigestLine {
            ticket_id,
            subject: subject.to_owned(),
            public_replies: comments.iter().filter(|c| c.is_public_reply()).count(),
            last_agent,
        }
    }

    pub async fn daily_digest(&self, organization_id: i32) -> Result<Vec<DigestLine>, DbErr> {
        let tickets = self.repo.recent_tickets(organization_id, 50).await?;
        let mut lines = Vec::with_capacity(tickets.len());
        for t in &tickets {
            let comments = self.repo.comments_of(t.id).await?;
            lines.push(self.line(t.id, &t.subject, &comments));
        }
        Ok(lines)
    }

    /// Same digest with the comments of all tickets fetched at once.
    pub async fn daily_digest_batched(
        &self,
        organization_id: i32,
    ) -> Result<Vec<DigestLine>, DbErr> {
        let tickets = self.repo.recent_tickets(organization_id, 50).await?;
        let ids: Vec<i32> = tickets.iter().map(|t| t.id).collect();
        let by_ticket = self.repo.comments_of_many(&ids).await?;
        let mut lines = Vec::with_capacity(tickets.len());
        for t in &tickets {
            let comments = by_ticket.get(&t.id).map(Vec::as_slice).unwrap_or_default();
            lines.push(self.line(t.id, &t.subject, comments));
        }
        Ok(lines)
    }

    /// Who answered last on each ticket, from the in-memory directory.
    pub fn last_agents(&self, tickets: &[(i32, Option<i32>)]) -> Vec<(i32, String)> {
        let mut out = Vec::new();
        for (ticket_id, agent_id) in tickets {
            let name = agent_id
                .and_then(|id| self.directory.agent_by_id(id))
                .map(|a| a.name.clone())
                .unwrap_or_else(|| "unassigned".to_owned());
            out.push((*ticket_id, name));
        }
        out
    }
}
