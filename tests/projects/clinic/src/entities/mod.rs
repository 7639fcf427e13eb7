pub mod prelude;

pub mod appointment;
pub mod bed;
pub mod department;
pub mod doctor;
pub mod medical_record;
pub mod medication;
pub mod patient;
pub mod prescription;
pub mod transfer;
