//! quotecheck checks every quotation in a news article against the
//! transcript of what was said.
//!
//! The engine is a pipeline over plain data; nothing in it touches a
//! terminal, and only [`document::load`] touches a file:
//!
//! ```text
//! files ──load──▶ Document         text + map to original byte offsets
//!                                   + speaker turns        (document)
//! article ──extract──▶ Quote[]      spans + attribution    (quote)
//! transcript ──index──▶ tokens      words with spans       (text, align)
//! Quote + tokens ──align──▶ Alignment
//!                                   source span, differences, similarity
//! Alignment ──classify──▶ Category  verbatim · altered · paraphrase
//!                                   · unsupported          (align::classify)
//! article ──extract──▶ Reported[]   what it says was said, unquoted (reported)
//! Reported + tokens ──support──▶ Verdict + evidence
//!                                   supported · distorted · unsupported
//! Check + verdicts ──▶ Report       json · markdown · csv  (report)
//! ```
//!
//! [`check::Check::run`] runs the whole pipeline (`run_with` also reports
//! each [`check::Stage`] it reaches, for a screen that shows progress).
//! Every span the engine keeps is a half-open byte range into a document's
//! text; reports convert them to byte offsets into the original files.
//!
//! Around the engine: [`session`] keeps the fact-checker's marks on disk,
//! and [`tui`] is the review screen, a pure model and view driven by one
//! event loop. `main.rs` is the thin shell that parses arguments and maps
//! errors to exit codes.

pub mod align;
pub mod check;
pub mod document;
pub mod parallel;
pub mod quote;
pub mod report;
pub mod reported;
pub mod text;

pub use align::{Alignment, Category, Difference, Kind};
pub use check::{Check, Checked, Stage};
pub use document::Document;
pub mod cli;
pub mod sample;
pub mod session;
pub mod tui;
