//! The bundled sample pair: a news-agency article about an interview and
//! the interview's official transcript (see `assets/SOURCES.md`).

/// The sample article.
pub const ARTICLE: &str = include_str!("../assets/article.txt");

/// The sample transcript.
pub const TRANSCRIPT: &str = include_str!("../assets/transcript.txt");

/// The name the sample article goes by in reports.
pub const ARTICLE_NAME: &str = "sample/article.txt";

/// The name the sample transcript goes by in reports.
pub const TRANSCRIPT_NAME: &str = "sample/transcript.txt";
