//! Subscription billing: organizations, plans, invoices and payments.

pub mod entities;
