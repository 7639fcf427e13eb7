pub mod prelude;

pub mod application;
pub mod candidate;
pub mod department;
pub mod employee;
pub mod employee_skill;
pub mod leave_request;
pub mod offer;
pub mod payslip;
pub mod skill;
pub mod team;
