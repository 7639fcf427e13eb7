//! Outgoing notices (email or SMS) about loans and fines.

use crate::handlers::loans::dto::LoanView;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    DueSoon,
    Overdue,
    FineDue,
}

#[derive(Clone, Debug)]
pub struct Notice {
    pub kind: NoticeKind,
    pub member_id: i32,
    pub body: String,
}

#[derive(Debug, Default)]
pub struct Notifier {
    outbox: Vec<Notice>,
}

impl Notifier {
    pub fn loan_reminder(&mut self, member_id: i32, view: &LoanView) {
        if let Some(kind) = view.notice_kind() {
            self.outbox.push(Notice {
                kind,
                member_id,
                body: format!("\"{}\" is due on {}", view.title, view.due_on),
            });
        }
    }

    pub fn fine_due(&mut self, member_id: i32, cents: i64) {
        self.outbox.push(Notice {
            kind: NoticeKind::FineDue,
            member_id,
            body: format!("a fine of {}.{:02} is due", cents / 100, cents % 100),
        });
    }

    pub fn drain(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.outbox)
    }
}
