//! The claims-vs-denials table, laid out once for every place that shows it (the reader's
//! claims pane and the Markdown export), so both always put the same denial beside the same
//! claim in the same order.

use crate::extract::Kind;

/// What the layout needs to know of one statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed<'a> {
    /// Claim or denial.
    pub kind: Kind,
    /// The statement's party, if known.
    pub party: Option<&'a str>,
    /// The claim a denial answers (an index into the same statements).
    pub counter: Option<usize>,
}

impl<'a> Placed<'a> {
    /// A statement of `kind` by `party`, answering `counter`.
    pub fn new(kind: Kind, party: Option<&'a str>, counter: Option<usize>) -> Placed<'a> {
        Placed {
            kind,
            party,
            counter,
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A party's section header: the party on the left, the parties whose denials stand
    /// on the right.
    Section {
        /// The party whose claims follow (`None`: statements with no party).
        party: Option<String>,
        /// Parties of the denials on the right (`no party` for those without one).
        deniers: Vec<String>,
    },
    /// A claim and a denial on one row (indices into the statements).
    Pair {
        /// The claim on the left.
        claim: Option<usize>,
        /// The denial on the right.
        denial: Option<usize>,
    },
}

/// The rows for `statements`, of which only those where `shown` is true take part. Parties
/// come in order of first appearance (statements with no party last); each party's claims
/// follow its header in article order. A denial goes beside the claim its `counter` points
/// to when that claim is shown, whichever party made it (further answers to the same claim
/// on rows of their own under it); otherwise it stands in its own party's section with the
/// left side empty.
pub fn layout(statements: &[Placed], shown: impl Fn(usize) -> bool) -> Vec<Row> {
    let st = statements;
    let shown: Vec<bool> = (0..st.len()).map(shown).collect();
    let is_claim = |i: usize| shown[i] && st[i].kind == Kind::Claim;
    let answers = |d: usize| {
        shown[d]
            && st[d].kind == Kind::Denial
            && st[d].counter.is_some_and(|c| c < st.len() && is_claim(c))
    };
    let mut parties: Vec<Option<&str>> = Vec::new();
    for i in 0..st.len() {
        if shown[i] && !answers(i) && !parties.contains(&st[i].party) {
            parties.push(st[i].party);
        }
    }
    parties.sort_by_key(Option::is_none);
    let mut out = Vec::new();
    for party in parties {
        let claims: Vec<usize> = (0..st.len())
            .filter(|&i| is_claim(i) && st[i].party == party)
            .collect();
        let answering =
            |c: usize| (0..st.len()).filter(move |&d| answers(d) && st[d].counter == Some(c));
        let own: Vec<usize> = (0..st.len())
            .filter(|&d| {
                shown[d] && st[d].kind == Kind::Denial && !answers(d) && st[d].party == party
            })
            .collect();
        let mut deniers: Vec<String> = Vec::new();
        for d in claims
            .iter()
            .flat_map(|&c| answering(c))
            .chain(own.iter().copied())
        {
            let name = st[d].party.unwrap_or("no party").to_string();
            if !deniers.contains(&name) {
                deniers.push(name);
            }
        }
        out.push(Row::Section {
            party: party.map(str::to_string),
            deniers,
        });
        for &c in &claims {
            let mut ds = answering(c);
            out.push(Row::Pair {
                claim: Some(c),
                denial: ds.next(),
            });
            out.extend(ds.map(|d| Row::Pair {
                claim: None,
                denial: Some(d),
            }));
        }
        out.extend(own.into_iter().map(|d| Row::Pair {
            claim: None,
            denial: Some(d),
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(claim: Option<usize>, denial: Option<usize>) -> Row {
        Row::Pair { claim, denial }
    }

    fn section(party: Option<&str>, deniers: &[&str]) -> Row {
        Row::Section {
            party: party.map(str::to_string),
            deniers: deniers.iter().map(|d| d.to_string()).collect(),
        }
    }

    #[test]
    fn denials_sit_beside_the_claims_they_answer_across_parties() {
        let st = [
            Placed::new(Kind::Claim, Some("United States"), None),
            Placed::new(Kind::Denial, None, None),
            Placed::new(Kind::Denial, Some("Russia"), Some(0)),
            Placed::new(Kind::Claim, Some("Russia"), None),
            Placed::new(Kind::Denial, Some("Russia"), Some(0)),
            Placed::new(Kind::Denial, Some("Syria"), None),
            Placed::new(Kind::Claim, Some("Abkhazia"), None),
        ];
        assert_eq!(
            layout(&st, |_| true),
            vec![
                // First appearance order, not alphabetical; no party last.
                section(Some("United States"), &["Russia"]),
                pair(Some(0), Some(2)),
                pair(None, Some(4)),
                section(Some("Russia"), &[]),
                pair(Some(3), None),
                section(Some("Syria"), &["Syria"]),
                pair(None, Some(5)),
                section(Some("Abkhazia"), &[]),
                pair(Some(6), None),
                section(None, &["no party"]),
                pair(None, Some(1)),
            ]
        );
        // With the claim hidden, its answers stand in their own party's section.
        let russia = |i: usize| st[i].party == Some("Russia");
        assert_eq!(
            layout(&st, russia),
            vec![
                section(Some("Russia"), &["Russia"]),
                pair(Some(3), None),
                pair(None, Some(2)),
                pair(None, Some(4)),
            ]
        );
    }
}
