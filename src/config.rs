//! `config.toml`: the folder to open, the key map, theme colours, layout ratios and extra
//! parties. The top-level `config.toml` is the documented default and is compiled in; a
//! user file overrides any part of it, so the defaults are written down exactly once.

use crate::briefing::PartyDef;
use crate::tui::action::Action;
use crate::tui::keymap::{KeyChord, KeyMap};
use ratatui::style::Color;
use serde::Deserialize;
use serde::de::Deserializer;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The built-in configuration, which is also the documentation of every setting.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// Everything the configuration decides, resolved from the default and the user's file.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Folder opened when no paths are given.
    pub folder: PathBuf,
    /// Pane proportions.
    pub layout: LayoutConfig,
    /// Colours of the reader.
    pub theme: ThemeConfig,
    /// Which key runs which action.
    pub keys: KeyMap,
    /// Extra parties for extraction.
    pub parties: Vec<PartyDef>,
}

/// Pane proportions, in percent, and where the layout turns narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutConfig {
    /// Width of the briefings list beside the article.
    pub list_width: u16,
    /// Height of the list and article above quotes and claims.
    pub top_height: u16,
    /// Width of the quotes pane beside claims vs denials.
    pub quotes_width: u16,
    /// Columns below which side panes become tabs under the article.
    pub narrow_below: u16,
}

/// The reader's colours; styles (bold, reverse) are fixed so NO_COLOR loses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeConfig {
    /// Focused border and title.
    pub accent: Color,
    /// Quotations in the article.
    pub quote: Color,
    /// Speaker tags and names.
    pub speaker: Color,
    /// Claims.
    pub claim: Color,
    /// Denials.
    pub denial: Color,
    /// Search hits.
    pub hit: Color,
    /// The quote or statement jumped to.
    pub mark: Color,
    /// Errors.
    pub error: Color,
    /// Secondary text.
    pub dim: Color,
}

/// A configuration that cannot be used, naming the file and, where TOML knows it, the line.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read. The cause is part of the message, not a `source`: the
    /// command line prints an error with its sources, which would say it twice.
    #[error("{}: cannot read config: {cause}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        cause: std::io::Error,
    },
    /// The file is not valid TOML, or a setting, key, action or colour is unknown.
    #[error("{}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// TOML's message, which names the line and column.
        message: String,
    },
    /// The built-in default lacks a setting (a build defect, caught by the tests).
    #[error("the built-in config.toml has no `{0}`")]
    Incomplete(&'static str),
}

impl Config {
    /// The built-in configuration under the user's: `explicit` (from `--config`) must exist;
    /// without it, `$XDG_CONFIG_HOME/sitrep/config.toml` is used when present.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let user = match explicit {
            Some(p) => Some(p.to_path_buf()),
            None => user_config_path().filter(|p| p.is_file()),
        };
        match user {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|cause| ConfigError::Read {
                    path: path.clone(),
                    cause,
                })?;
                Config::from_layers(&text, &path)
            }
            None => Config::builtin(),
        }
    }

    /// The built-in configuration alone.
    pub fn builtin() -> Result<Config, ConfigError> {
        Layer::parse(DEFAULT_CONFIG, Path::new("config.toml (built in)"))?.resolve()
    }

    /// The built-in configuration with `user_text` (read from `path`) on top.
    pub fn from_layers(user_text: &str, path: &Path) -> Result<Config, ConfigError> {
        let base = Layer::parse(DEFAULT_CONFIG, Path::new("config.toml (built in)"))?;
        base.under(Layer::parse(user_text, path)?).resolve()
    }
}

/// Where the user's configuration lives: `$XDG_CONFIG_HOME/sitrep/config.toml`, else the
/// platform's configuration folder.
pub fn user_config_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| directories::BaseDirs::new().map(|d| d.config_dir().to_path_buf()))?;
    Some(base.join("sitrep").join("config.toml"))
}

/// One configuration file as written: every setting optional, so layers can stack.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Layer {
    folder: Option<PathBuf>,
    layout: LayoutLayer,
    theme: ThemeLayer,
    keys: BTreeMap<KeyChord, Action>,
    parties: Vec<PartyDef>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct LayoutLayer {
    list_width: Option<Percent>,
    top_height: Option<Percent>,
    quotes_width: Option<Percent>,
    narrow_below: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ThemeLayer {
    accent: Option<Colour>,
    quote: Option<Colour>,
    speaker: Option<Colour>,
    claim: Option<Colour>,
    denial: Option<Colour>,
    hit: Option<Colour>,
    mark: Option<Colour>,
    error: Option<Colour>,
    dim: Option<Colour>,
}

impl Layer {
    fn parse(text: &str, path: &Path) -> Result<Layer, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })
    }

    /// This layer with `top` laid over it: every setting `top` has wins.
    fn under(self, top: Layer) -> Layer {
        let (l, t) = (self.layout, top.layout);
        let (a, b) = (self.theme, top.theme);
        let mut keys = self.keys;
        keys.extend(top.keys);
        let mut parties = self.parties;
        parties.extend(top.parties);
        Layer {
            folder: top.folder.or(self.folder),
            layout: LayoutLayer {
                list_width: t.list_width.or(l.list_width),
                top_height: t.top_height.or(l.top_height),
                quotes_width: t.quotes_width.or(l.quotes_width),
                narrow_below: t.narrow_below.or(l.narrow_below),
            },
            theme: ThemeLayer {
                accent: b.accent.or(a.accent),
                quote: b.quote.or(a.quote),
                speaker: b.speaker.or(a.speaker),
                claim: b.claim.or(a.claim),
                denial: b.denial.or(a.denial),
                hit: b.hit.or(a.hit),
                mark: b.mark.or(a.mark),
                error: b.error.or(a.error),
                dim: b.dim.or(a.dim),
            },
            keys,
            parties,
        }
    }

    fn resolve(self) -> Result<Config, ConfigError> {
        fn need<T>(v: Option<T>, name: &'static str) -> Result<T, ConfigError> {
            v.ok_or(ConfigError::Incomplete(name))
        }
        let (l, t) = (self.layout, self.theme);
        let colour = |c: Option<Colour>, name| need(c, name).map(|c| c.0);
        Ok(Config {
            folder: need(self.folder, "folder")?,
            layout: LayoutConfig {
                list_width: need(l.list_width, "layout.list_width")?.0,
                top_height: need(l.top_height, "layout.top_height")?.0,
                quotes_width: need(l.quotes_width, "layout.quotes_width")?.0,
                narrow_below: need(l.narrow_below, "layout.narrow_below")?,
            },
            theme: ThemeConfig {
                accent: colour(t.accent, "theme.accent")?,
                quote: colour(t.quote, "theme.quote")?,
                speaker: colour(t.speaker, "theme.speaker")?,
                claim: colour(t.claim, "theme.claim")?,
                denial: colour(t.denial, "theme.denial")?,
                hit: colour(t.hit, "theme.hit")?,
                mark: colour(t.mark, "theme.mark")?,
                error: colour(t.error, "theme.error")?,
                dim: colour(t.dim, "theme.dim")?,
            },
            keys: KeyMap::new(self.keys),
            parties: self.parties,
        })
    }
}

/// A colour as written in the theme, checked while parsing so errors carry the line.
#[derive(Debug, Clone, Copy)]
struct Colour(Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Colour, D::Error> {
        let s = String::deserialize(d)?;
        Color::from_str(&s).map(Colour).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour `{s}` (use a name like red, lightblue or darkgray, a palette index 0-255, or #rrggbb)"
            ))
        })
    }
}

/// A share of the screen in percent, kept between 10 and 90 so no pane vanishes.
#[derive(Debug, Clone, Copy)]
struct Percent(u16);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Percent, D::Error> {
        let n = i64::deserialize(d)?;
        u16::try_from(n)
            .ok()
            .filter(|n| (10..=90).contains(n))
            .map(Percent)
            .ok_or_else(|| {
                serde::de::Error::custom(format!("{n} is not a percentage from 10 to 90"))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_config_is_complete() {
        let c = Config::builtin().unwrap();
        assert_eq!(c.folder, PathBuf::from("briefings"));
        assert_eq!(c.layout.list_width, 28);
        for action in Action::BINDABLE {
            assert!(
                c.keys.keys_for(&action).next().is_some(),
                "{action:?} has no key in config.toml"
            );
        }
    }

    #[test]
    fn user_file_overrides_only_what_it_sets() {
        let user = "[keys]\n\"x\" = \"quit\"\n\"j\" = \"up\"\n[theme]\nquote = \"#ff0000\"\n";
        let c = Config::from_layers(user, Path::new("mine.toml")).unwrap();
        let keys = |a| {
            c.keys
                .keys_for(&a)
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys(Action::Quit), ["q", "x"]);
        assert_eq!(keys(Action::Bottom), ["G", "end"]);
        assert_eq!(keys(Action::Down), ["down"]);
        assert_eq!(c.theme.quote, Color::Rgb(255, 0, 0));
        assert_eq!(c.theme.speaker, Color::Magenta);
        assert_eq!(c.layout.top_height, 60);
    }

    #[test]
    fn mistakes_name_the_file_and_line() {
        let cases = [
            (
                "[keys]\n\"j\" = \"fly_away\"\n",
                "unknown variant `fly_away`",
                2,
            ),
            (
                "[keys]\n\"hyper-j\" = \"down\"\n",
                "unknown key `hyper-j`",
                2,
            ),
            (
                "\n[theme]\nquote = \"blurple\"\n",
                "unknown colour `blurple`",
                3,
            ),
            ("[layout]\n\nlist_width = 300\n", "not a percentage", 3),
            ("[layuot]\nlist_width = 30\n", "unknown field `layuot`", 1),
        ];
        for (text, problem, line) in cases {
            let err = Config::from_layers(text, Path::new("mine.toml"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("mine.toml: "), "{err}");
            assert!(err.contains(problem), "{err}");
            assert!(err.contains(&format!("at line {line},")), "{err}");
        }
    }
}
