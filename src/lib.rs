//! sitrep: a terminal reader for conflict news briefings.
//!
//! Data flows one way: [`briefing`] loads files, [`extract`] finds quotes, speakers, parties,
//! claims and denials, [`export`] and [`cli`] hand them to scripts, and the reader ([`tui`], set up by
//! [`config`]) shows them.

pub mod briefing;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod export;
pub mod extract;
pub mod library;
pub mod sanitize;
pub mod table;
pub mod tui;
