//! One file per subcommand; each reads like a sentence: open the plan, ask
//! a question, print the answer.

pub mod agencies;
pub mod agency;
pub mod apply;
pub mod check;
pub mod diff;
pub mod due;
pub mod event;
pub mod export;
pub mod fmt;
pub mod import;
pub mod init;
pub mod locked;
pub mod measures;
pub mod overdue;
pub mod rag;
pub mod record;
pub mod recs;
pub mod report;
pub mod requests;
pub mod set;
pub mod shared;
pub mod show;
pub mod site;
pub mod tasks;
