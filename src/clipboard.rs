//! Copying to the analyst's clipboard from a terminal, also over SSH: the OSC 52 escape
//! sequence asks the terminal emulator itself to set the clipboard, so it works wherever
//! the reader's output goes, with no clipboard tool on the remote machine.

/// The OSC 52 sequence that sets the system clipboard to `text` (base64, as the sequence
/// requires). Write it to the terminal as is; it shows nothing on screen.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// A quote as an analyst pastes it into a report: the words in curly quotes, who said them,
/// then where they were reported (`source`: the briefing's title and date) so it can be cited.
pub fn quote_with_speaker(
    quote: &str,
    speaker: Option<&str>,
    party: Option<&str>,
    source: &str,
) -> String {
    let who = match (speaker, party) {
        (Some(s), Some(p)) => format!("{s} ({p})"),
        (Some(s), None) => s.to_string(),
        (None, _) => "unattributed".to_string(),
    };
    cite(quote, &who, source)
}

/// A claim or denial as an analyst pastes it into a report: the sentence that makes it in
/// curly quotes, its `kind` ("claim", "denial") and who makes it for which party, then the
/// briefing to cite, so a copied statement is never taken for a quotation of its actor.
pub fn statement_with_actor(
    sentence: &str,
    kind: &str,
    actor: Option<&str>,
    party: Option<&str>,
    source: &str,
) -> String {
    let who = match (actor, party) {
        (Some(a), Some(p)) if a != p => format!("{kind} by {a} ({p})"),
        (Some(a), _) | (None, Some(a)) => format!("{kind} by {a}"),
        (None, None) => format!("{kind}, unattributed"),
    };
    cite(sentence, &who, source)
}

/// `“words” — who; source`, each on one line.
fn cite(words: &str, who: &str, source: &str) -> String {
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let source = source.split_whitespace().collect::<Vec<_>>().join(" ");
    if source.is_empty() {
        format!("“{words}” — {who}")
    } else {
        format!("“{words}” — {who}; {source}")
    }
}

/// Standard base64 with padding (RFC 4648), all OSC 52 needs.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_wraps_the_quote_and_speaker() {
        let text = quote_with_speaker(
            "not\n  functional",
            Some("Sergei Ryabkov"),
            Some("Russia"),
            "US military will not share intelligence, 2016-09-22",
        );
        assert_eq!(
            text,
            "“not functional” — Sergei Ryabkov (Russia); US military will not share intelligence, 2016-09-22"
        );
        assert_eq!(
            quote_with_speaker("yes", None, None, ""),
            "“yes” — unattributed"
        );
        let seq = osc52("hi");
        assert_eq!(seq, "\x1b]52;c;aGk=\x07");
    }
}
