//! Table-driven tests. Every speaker here is fictional.

use super::*;
use crate::extract::{Gender, Mention};

use QuoteKind::{Direct as D, Indirect as I, Partial as P};

fn article(body: &str) -> Article {
    Article {
        body: body.to_string(),
        ..Article::default()
    }
}

fn quotes_with(body: &str, people: &[Person]) -> Vec<Quote> {
    let q = extract_quotes(&article(body), people);
    for x in &q {
        assert!(!x.in_title, "no title: {x:?}");
        assert_eq!(&body[x.start..x.end], x.text, "offsets of {x:?}");
    }
    assert!(q.windows(2).all(|w| w[0].start <= w[1].start), "sorted");
    q
}

fn quotes(body: &str) -> Vec<Quote> {
    quotes_with(body, &[])
}

/// (text, speaker, kind) of every quote.
type Want<'a> = &'a [(&'a str, Option<&'a str>, QuoteKind)];

fn check(rows: &[(&str, Want)]) {
    let mut failed = Vec::new();
    for (body, want) in rows {
        let got: Vec<(String, Option<String>, QuoteKind)> = quotes(body)
            .into_iter()
            .map(|q| (q.text, q.speaker, q.kind))
            .collect();
        let want: Vec<(String, Option<String>, QuoteKind)> = want
            .iter()
            .map(|(t, s, k)| (t.to_string(), s.map(str::to_string), *k))
            .collect();
        if got != want {
            failed.push(format!("{body}\n   got:  {got:?}\n   want: {want:?}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn direct_quotes() {
    check(&[
        (
            "“We will build the bridge,” said Oksana Petrenko, the transport minister.",
            &[("We will build the bridge,", Some("Oksana Petrenko"), D)],
        ),
        (
            "“The talks went well. We will meet again next month,” Oksana Petrenko said.",
            &[(
                "The talks went well. We will meet again next month,",
                Some("Oksana Petrenko"),
                D,
            )],
        ),
        (
            "\"Never,\" said Tomas Varga.",
            &[("Never,", Some("Tomas Varga"), D)],
        ),
        (
            "'We are ready,' Tomas Varga told reporters.",
            &[("We are ready,", Some("Tomas Varga"), D)],
        ),
        (
            "«We are ready», Tomas Varga said on Monday.",
            &[("We are ready", Some("Tomas Varga"), D)],
        ),
        (
            "''It is done,'' Tomas Varga said.",
            &[("It is done,", Some("Tomas Varga"), D)],
        ),
        (
            "“Is it over?” asked Tomas Varga.",
            &[("Is it over?", Some("Tomas Varga"), D)],
        ),
        (
            "“The river is rising,” the mayor of Kellen, Ada Brandt, said.",
            &[("The river is rising,", Some("Ada Brandt"), D)],
        ),
        (
            "“It was a long night,” Ada Brandt, 58, told the council on Tuesday.",
            &[("It was a long night,", Some("Ada Brandt"), D)],
        ),
    ]);
}

#[test]
fn split_quotes_and_continuations() {
    check(&[
        (
            "“We had a long talk,” Oksana Petrenko said. “We agree on the bridge.”",
            &[
                ("We had a long talk,", Some("Oksana Petrenko"), D),
                ("We agree on the bridge.", Some("Oksana Petrenko"), D),
            ],
        ),
        (
            "“We had a long talk,” Oksana Petrenko said, “and we agree on the bridge.”",
            &[
                ("We had a long talk,", Some("Oksana Petrenko"), D),
                ("and we agree on the bridge.", Some("Oksana Petrenko"), D),
            ],
        ),
        (
            "“It rained all week,” Tomas Varga said.\n\n“The fields are under water.”",
            &[
                ("It rained all week,", Some("Tomas Varga"), D),
                ("The fields are under water.", Some("Tomas Varga"), D),
            ],
        ),
        (
            "“Is it over?” Tomas Varga asked. “Nobody knows.”",
            &[
                ("Is it over?", Some("Tomas Varga"), D),
                ("Nobody knows.", Some("Tomas Varga"), D),
            ],
        ),
    ]);
}

#[test]
fn quotes_across_paragraphs() {
    check(&[
        (
            "Ada Brandt spoke for an hour.\n\n“The first part of the plan is done.\n\n“The second part starts now,” Brandt said.",
            &[(
                "The first part of the plan is done.\n\n“The second part starts now,",
                Some("Ada Brandt"),
                D,
            )],
        ),
        (
            "Ada Brandt said: “The first part of the plan is done\n\nThe council met later.",
            &[("The first part of the plan is done", Some("Ada Brandt"), D)],
        ),
        (
            "Ada Brandt added:\n\n“We will not wait for the rain.”",
            &[("We will not wait for the rain.", Some("Ada Brandt"), D)],
        ),
    ]);
}

#[test]
fn colon_introduced_quotes() {
    check(&[
        (
            "Oksana Petrenko said: “The bridge opens in May.”",
            &[("The bridge opens in May.", Some("Oksana Petrenko"), D)],
        ),
        (
            "Oksana Petrenko was blunt: “There will be no more delays.”",
            &[("There will be no more delays.", Some("Oksana Petrenko"), D)],
        ),
        (
            "The delay did not surprise engineer Tomas Varga: “Bridges always take longer.”",
            &[("Bridges always take longer.", Some("Tomas Varga"), D)],
        ),
    ]);
}

#[test]
fn partial_quotes() {
    check(&[
        (
            "Oksana Petrenko said the talks were “very productive” and would go on.",
            &[("very productive", Some("Oksana Petrenko"), P)],
        ),
        (
            "Tomas Varga told reporters that the call was “great” when he left.",
            &[("great", Some("Tomas Varga"), P)],
        ),
        (
            "According to the ministry, the bridge needs “at least two more years.”",
            &[("at least two more years.", None, P)],
        ),
    ]);
}

#[test]
fn indirect_speech() {
    check(&[
        (
            "Oksana Petrenko said that the bridge would open in May.",
            &[(
                "that the bridge would open in May",
                Some("Oksana Petrenko"),
                I,
            )],
        ),
        (
            "Tomas Varga told reporters the deal was close.",
            &[("the deal was close", Some("Tomas Varga"), I)],
        ),
        (
            "Oksana Petrenko warned that the river could flood the town.",
            &[(
                "that the river could flood the town",
                Some("Oksana Petrenko"),
                I,
            )],
        ),
        (
            "Tomas Varga insisted the costs were fair.",
            &[("the costs were fair", Some("Tomas Varga"), I)],
        ),
        (
            "Critics argued that the bridge was too expensive.",
            &[("that the bridge was too expensive", None, I)],
        ),
        (
            "The bridge will open in May, Oksana Petrenko said.",
            &[("The bridge will open in May", Some("Oksana Petrenko"), I)],
        ),
        (
            "The bridge, Oksana Petrenko said, will open in May.",
            &[(
                "The bridge, Oksana Petrenko said, will open in May",
                Some("Oksana Petrenko"),
                I,
            )],
        ),
        (
            "The bridge will open in May, according to Oksana Petrenko.",
            &[("The bridge will open in May", Some("Oksana Petrenko"), I)],
        ),
        (
            "According to Tomas Varga, the deal is close.",
            &[("the deal is close", Some("Tomas Varga"), I)],
        ),
        (
            "Oksana Petrenko left the room, adding that the talks would resume.",
            &[("that the talks would resume", Some("Oksana Petrenko"), I)],
        ),
        (
            "Tomas Varga said the costs were fair, but Ada Brandt said they were too high.",
            &[
                ("the costs were fair", Some("Tomas Varga"), I),
                ("they were too high", Some("Ada Brandt"), I),
            ],
        ),
    ]);
}

#[test]
fn indirect_speech_beyond_that_clauses() {
    check(&[
        // The object of a preposition after a cue is what is reported.
        (
            "Dana Vale joked about the cost of the new bridge.",
            &[("the cost of the new bridge", Some("Dana Vale"), I)],
        ),
        (
            "The two councils agreed on a plan to share the ferry.",
            &[("a plan to share the ferry", None, I)],
        ),
        // But a question has no named speaker, and "said about" counts.
        ("Dana Vale was asked about the ferry.", &[]),
        (
            "The port office said about half of the cargo was late.",
            &[("about half of the cargo was late", None, I)],
        ),
        // A promise reports its infinitive.
        (
            "Senator Orrin Mabe has vowed to keep the clinic open.",
            &[("to keep the clinic open", Some("Orrin Mabe"), I)],
        ),
        (
            "At every rally, Orrin Mabe promises to cut the ferry fares.",
            &[("to cut the ferry fares", Some("Orrin Mabe"), I)],
        ),
        // An adverbial with a clause after it.
        (
            "Dana Vale said in politics it takes time to build trust.",
            &[("it takes time to build trust", Some("Dana Vale"), I)],
        ),
        // A quantifier alone names a group.
        (
            "Many speculated that the mill would close.",
            &[("that the mill would close", None, I)],
        ),
        (
            "That plan, some argue, could cost the town dearly.",
            &[("That plan, some argue, could cost the town dearly", None, I)],
        ),
        // A passive: the phrase after "by" speaks of the phrase before.
        (
            "The toll is a practice criticized by Dana Vale.",
            &[("a practice", Some("Dana Vale"), I)],
        ),
        (
            "Orrin Mabe has been rebuked by Dana Vale for his plan to close the port.",
            &[(
                "Orrin Mabe has been rebuked by Dana Vale for his plan to close the port",
                Some("Dana Vale"),
                I,
            )],
        ),
        // "As X reported, …": the clause after the comma.
        (
            "As the Kellen Courier reported, the mill will close in June.",
            &[("the mill will close in June", Some("Kellen Courier"), I)],
        ),
        (
            "Fines are rare, and as Dana Vale noted, most cases end in a warning.",
            &[("most cases end in a warning", Some("Dana Vale"), I)],
        ),
        // A speaker past a time phrase or an aside between dashes.
        (
            "A court filing released Thursday says that the toll was never approved.",
            &[("that the toll was never approved", None, I)],
        ),
        (
            "Several nurses at the clinic — and two of the doctors — said the wards were full.",
            &[("the wards were full", None, I)],
        ),
        // A name's claim, warning or belief that …
        (
            "Dana Vale's claim that the bridge was safe drew scorn.",
            &[("that the bridge was safe drew scorn", Some("Dana Vale"), I)],
        ),
        (
            "Orrin Mabe's warning that the dam could fail went unheard.",
            &[(
                "that the dam could fail went unheard",
                Some("Orrin Mabe"),
                I,
            )],
        ),
        // Cues of thought and discussion.
        (
            "Dana Vale and the mayor will discuss the ferry schedule.",
            &[("the ferry schedule", None, I)],
        ),
        (
            "Orrin Mabe said he would consider a second bridge.",
            &[("he would consider a second bridge", Some("Orrin Mabe"), I)],
        ),
        // One name is enough after a cue of judgement, but not a poll's preference.
        ("The ferry union endorsed Mabe.", &[("Mabe", None, I)]),
        ("Older voters favored Mabe.", &[]),
        // But not a plan or a decision, nor a noun after "the".
        ("Dana Vale's decision to close the port was final.", &[]),
        ("The claim that the bridge was safe drew scorn.", &[]),
    ]);
}

#[test]
fn words_that_are_not_speakers() {
    check(&[
        // A party's name as an adjective: "calls" is a noun.
        ("Voters heard Democratic calls for a recount.", &[]),
        // A word that opens a sentence without naming anyone.
        ("Having announced the vote, Dana Vale left the hall.", &[]),
        // A contraction is not a name.
        (
            "I'm old enough to remember Dana Vale on the radio, declaring a war on waste.",
            &[],
        ),
        // Nor is "We've" (no subject is found in it, so no quote either, for now).
        (
            "We've called for the pension to rise to the credit level.",
            &[],
        ),
        // A dateline is not the subject of a participle.
        (
            "KELLEN — Dana Vale left the hall early, saying the vote was rigged.",
            &[("the vote was rigged", Some("Dana Vale"), I)],
        ),
        // A cue's bare form after a name, where it is a noun or an adjective.
        (
            "Dana Vale, the Kellish Youth mock elections manager, opened the count.",
            &[],
        ),
        (
            "The Harrowgate express came off the rails near Kellen.",
            &[],
        ),
    ]);
}

#[test]
fn pronoun_speakers() {
    check(&[
        (
            "Oksana Petrenko is the new minister. She said the bridge was safe.",
            &[("the bridge was safe", Some("Oksana Petrenko"), I)],
        ),
        (
            "Mr. Varga met Ms. Brandt on Monday. He said the talks were over.",
            &[("the talks were over", Some("Varga"), I)],
        ),
        (
            "Mr. Varga met Ms. Brandt on Monday. She said the talks were over.",
            &[("the talks were over", Some("Brandt"), I)],
        ),
        // Two people, no word of who is who: no guess.
        (
            "Oksana Petrenko met Tomas Varga. He said the deal was done.",
            &[("the deal was done", None, I)],
        ),
        (
            "“We are ready,” Ms. Brandt said. “The town is ready,” she added.",
            &[
                ("We are ready,", Some("Brandt"), D),
                ("The town is ready,", Some("Brandt"), D),
            ],
        ),
        // Two capitalised words are no person to lend a pronoun to; a first name is.
        (
            "The minister said she had support from the reading circle Quill Harrow. \
             But she denied that it shaped her votes.",
            &[
                (
                    "she had support from the reading circle Quill Harrow",
                    None,
                    I,
                ),
                ("that it shaped her votes", None, I),
            ],
        ),
        (
            "Jay Ostrander opened the dam on Monday. He said it would hold.",
            &[("it would hold", Some("Jay Ostrander"), I)],
        ),
    ]);
}

#[test]
fn organisation_and_document_speakers() {
    check(&[
        (
            "The Transport Ministry met on Monday. “The bridge is safe,” the ministry said in a statement.",
            &[("The bridge is safe,", Some("Transport Ministry"), D)],
        ),
        (
            "A Kellen Council readout described the talks. “We agreed on the bridge,” the readout said.",
            &[
                ("the talks", Some("Kellen Council"), I),
                ("We agreed on the bridge,", Some("Kellen Council"), D),
            ],
        ),
        (
            "The White House said the talks were useful.",
            &[("the talks were useful", Some("White House"), I)],
        ),
        (
            "“We have no comment,” a spokesman for the Kellen Council said.",
            &[("We have no comment,", Some("Kellen Council"), D)],
        ),
    ]);
}

#[test]
fn titles_and_names() {
    check(&[
        (
            "President Oksana Petrenko met farmers. The president said the harvest was good.",
            &[("the harvest was good", Some("Oksana Petrenko"), I)],
        ),
        // Two presidents: "the president" could be either.
        (
            "President Oksana Petrenko met President Tomas Varga. The president said the talks went well.",
            &[("the talks went well", None, I)],
        ),
        (
            "Oksana Petrenko arrived on Monday. Later, Petrenko said the bridge was safe.",
            &[("the bridge was safe", Some("Oksana Petrenko"), I)],
        ),
        // Two Petrenkos mentioned alike: the surname stays a surname.
        (
            "Oksana Petrenko and Ivan Petrenko arrived. Petrenko said the bridge was safe.",
            &[("the bridge was safe", Some("Petrenko"), I)],
        ),
    ]);
}

#[test]
fn unknown_speakers() {
    check(&[
        (
            "“It is a disaster,” one resident said.",
            &[("It is a disaster,", None, D)],
        ),
        (
            "“The water came at night and took everything.”",
            &[("The water came at night and took everything.", None, D)],
        ),
    ]);
    let q = quotes("“It is a disaster,” one resident said.");
    assert_eq!(q[0].speaker_mention.as_deref(), Some("one resident"));
}

#[test]
fn scare_quotes_titles_and_apostrophes_are_not_quotes() {
    check(&[
        ("The so-called “deal” fell apart on Monday.", &[]),
        ("The minister's \"bridge to nowhere\" drew crowds.", &[]),
        ("Ada Brandt wrote the book “Rivers of Home” last year.", &[]),
        // A title-case name after "a" is the name of an event, and the report
        // around it is indirect speech.
        (
            "Dana Vale stressed her support of the harbour plan during a “Town Hall Forum” on Tuesday.",
            &[(
                "her support of the harbour plan during a “Town Hall Forum” on Tuesday",
                Some("Dana Vale"),
                I,
            )],
        ),
        // The title of a publication inside a report is part of the report.
        (
            "Tomas Varga said the figures will appear in the institute's bulletin, “Quiet Ground,” next week.",
            &[(
                "the figures will appear in the institute's bulletin, “Quiet Ground,” next week",
                Some("Tomas Varga"),
                I,
            )],
        ),
        ("Tomas Varga's band plays rock 'n' roll from the '90s.", &[]),
        (
            "The Vargas' house and Petrenko’s car were in the 'old' part.",
            &[],
        ),
    ]);
}

#[test]
fn cues_and_mentions_are_reported() {
    let q = quotes("“We will build it,” Oksana Petrenko said in a statement.");
    assert_eq!(q[0].cue.as_deref(), Some("said in a statement"));
    assert_eq!(q[0].speaker_mention.as_deref(), Some("Oksana Petrenko"));
    let q = quotes("Tomas Varga told reporters the deal was close.");
    assert_eq!(q[0].cue.as_deref(), Some("told reporters"));
    let q = quotes("The deal is close, according to a Kellen Council readout.");
    assert_eq!(q[0].cue.as_deref(), Some("according to"));
    assert_eq!(q[0].speaker.as_deref(), Some("Kellen Council"));
    assert_eq!(
        q[0].speaker_mention.as_deref(),
        Some("a Kellen Council readout")
    );
}

fn person(
    name: &str,
    role: Option<&str>,
    gender: Option<Gender>,
    body: &str,
    surface: &[&str],
) -> Person {
    let mentions = surface
        .iter()
        .flat_map(|s| {
            body.match_indices(s).map(|(i, t)| Mention {
                start: i,
                end: i + t.len(),
                text: t.to_string(),
            })
        })
        .collect();
    Person {
        name: name.to_string(),
        role: role.map(str::to_string),
        country: None,
        gender,
        leader: false,
        mentions,
    }
}

#[test]
fn people_module_names_win() {
    // The people module knows "Petrenko" as the canonical "Oksana V. Petrenko".
    let body = "“We are ready,” Petrenko said. Later she added that the town was safe.";
    let people = [person(
        "Oksana V. Petrenko",
        None,
        Some(Gender::Female),
        body,
        &["Petrenko"],
    )];
    let q = quotes_with(body, &people);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter()
            .all(|q| q.speaker.as_deref() == Some("Oksana V. Petrenko")),
        "{q:?}"
    );
    assert_eq!(q[1].speaker_mention.as_deref(), Some("she"));

    // A mention the people module made, even one that is not a name.
    let body = "The Kellen mayor said the bridge was safe.";
    let people = [person("Ada Brandt", None, None, body, &["Kellen mayor"])];
    let q = quotes_with(body, &people);
    assert_eq!(q[0].speaker.as_deref(), Some("Ada Brandt"), "{q:?}");

    // "The president": the one person whose role says so.
    let body = "Petrenko met Varga. The president said the harvest was good.";
    let people = [
        person(
            "Oksana Petrenko",
            Some("President of Kelland"),
            None,
            body,
            &["Petrenko"],
        ),
        person(
            "Tomas Varga",
            Some("Mayor of Kellen"),
            None,
            body,
            &["Varga"],
        ),
    ];
    let q = quotes_with(body, &people);
    assert_eq!(q[0].speaker.as_deref(), Some("Oksana Petrenko"), "{q:?}");
}

#[test]
fn hostile_input_stays_linear() {
    // Four times the text must take about four times as long, not sixteen: a ratio,
    // so that a slow or busy machine does not fail it.
    let time = |reps: usize| {
        let mut body = "\"a\" ".repeat(reps * 2 / 5);
        body.push_str(&"Petrenko said that “the bridge” is safe, ".repeat(reps));
        let start = std::time::Instant::now();
        let q = quotes(&body);
        assert!(!q.is_empty());
        (start.elapsed(), body.len())
    };
    let (small, _) = time(20_000);
    let (large, len) = time(80_000);
    assert!(len > 3_000_000);
    assert!(
        large.as_secs_f64() < 10.0 * small.as_secs_f64() + 1.0,
        "{small:?} for a quarter, {large:?} for all {len} bytes"
    );
}

#[test]
fn the_title_gives_fuller_names() {
    let mut a = article("“We will reopen the bridge,” Petrenko said.");
    a.title = "Minister Oksana Petrenko promises a new bridge for Kellen".to_string();
    let body_quotes = |a: &Article| -> Vec<Quote> {
        extract_quotes(a, &[])
            .into_iter()
            .filter(|q| !q.in_title)
            .collect()
    };
    let q = body_quotes(&a);
    assert_eq!(q[0].speaker.as_deref(), Some("Oksana Petrenko"));
    // A headline in title case names nothing reliably.
    a.title = "Petrenko Ivanova Promises New Bridge".to_string();
    let q = body_quotes(&a);
    assert_eq!(q[0].speaker.as_deref(), Some("Petrenko"));
}

#[test]
fn news_conventions() {
    check(&[
        // A dateline is not the subject.
        (
            "KELLEN, May 2 (Kellen Daily) — Mayor Ada Brandt cut the budget, saying the town could not pay.",
            &[("the town could not pay", Some("Ada Brandt"), I)],
        ),
        // Counts speak for groups.
        (
            "In the poll, 47% say the bridge should be rebuilt.",
            &[("the bridge should be rebuilt", None, I)],
        ),
        (
            "The plan angered farmers who say the river is rising.",
            &[("the river is rising", None, I)],
        ),
        (
            "Oksana Petrenko now says she opposes the plan.",
            &[("she opposes the plan", Some("Oksana Petrenko"), I)],
        ),
        (
            "A Kellen Council poll released in late August found that most voters backed the bridge.",
            &[(
                "that most voters backed the bridge",
                Some("Kellen Council"),
                I,
            )],
        ),
        (
            "The minister and her aides haven't said much about the bridge.",
            &[("much about the bridge", None, I)],
        ),
        // A passive: its subject is not the speaker; the phrase after "by" is.
        (
            "The plan was criticized by engineers.",
            &[("The plan", None, I)],
        ),
        ("The plan was criticized.", &[]),
        // A quotation signed with a dash and a name.
        (
            "“The bridge is our shame.” ― Ada Brandt",
            &[("The bridge is our shame.", Some("Ada Brandt"), D)],
        ),
        (
            "“Build it now.”— Tomas Varga, Kellen.",
            &[("Build it now.", Some("Tomas Varga"), D)],
        ),
        // "reports" and "declined" are cues.
        (
            "The Kellen Daily reports that the bridge will close.",
            &[("that the bridge will close", Some("Kellen Daily"), I)],
        ),
        (
            "Tomas Varga declined to attend the opening.",
            &[("to attend the opening", Some("Tomas Varga"), I)],
        ),
        // A progressive is a finite verb, not a participle.
        (
            "Ada Brandt is demanding that the council resign.",
            &[("that the council resign", Some("Ada Brandt"), I)],
        ),
        (
            "Tomas Varga has been saying the bridge is safe.",
            &[("the bridge is safe", Some("Tomas Varga"), I)],
        ),
        // The name of a show is part of the addressee, not a quote.
        (
            "Tomas Varga told Kellen Radio's “Morning Hour” that the bridge was safe.",
            &[("that the bridge was safe", Some("Tomas Varga"), I)],
        ),
        // Any past-tense verb between a quotation and its speaker reports it.
        (
            "“Not again,” Ada Brandt sighed.",
            &[("Not again,", Some("Ada Brandt"), D)],
        ),
        (
            "Tomas Varga leaned in and boomed: “We build it now.”",
            &[("We build it now.", Some("Tomas Varga"), D)],
        ),
        // Names that are also words.
        (
            "“We will leave,” Ada May said in May.",
            &[("We will leave,", Some("Ada May"), D)],
        ),
        (
            "“We are ready,” said Will Brandt.",
            &[("We are ready,", Some("Will Brandt"), D)],
        ),
        (
            "Informed of the vote, Early described it as “a surprise.”",
            &[("a surprise.", Some("Early"), P)],
        ),
        // A question put to a speaker is reported too, by no one in particular.
        (
            "“No comment,” Ada Brandt said when asked about the budget.",
            &[
                ("No comment,", Some("Ada Brandt"), D),
                ("the budget", None, I),
            ],
        ),
    ]);
}

#[test]
fn places_are_not_people() {
    check(&[(
        "North Kelland passed the law on Monday. “It is fair,” he said.",
        &[("It is fair,", None, D)],
    )]);
}

#[test]
fn headlines() {
    let petrenko = person(
        "Oksana Petrenko",
        None,
        Some(Gender::Female),
        "Oksana Petrenko opened the bridge. Petrenko spoke first.",
        &["Oksana Petrenko", "Petrenko"],
    );
    // (title, text, speaker, speaker mention, kind) of every headline quote.
    type Row<'a> = (
        &'a str,
        &'a [(&'a str, Option<&'a str>, &'a str, QuoteKind)],
    );
    let rows: &[Row] = &[
        (
            "Petrenko: Bridge Will Open in May.",
            &[(
                "Bridge Will Open in May",
                Some("Oksana Petrenko"),
                "Petrenko",
                I,
            )],
        ),
        (
            "Kelland Transit Board: Fares Will Rise Next Year",
            &[(
                "Fares Will Rise Next Year",
                Some("Kelland Transit Board"),
                "Kelland Transit Board",
                I,
            )],
        ),
        (
            "Petrenko: ‘We Will Finish the Bridge’",
            &[(
                "We Will Finish the Bridge",
                Some("Oksana Petrenko"),
                "Petrenko",
                D,
            )],
        ),
        // Title case: the verb is a verb, not part of a name.
        (
            "Oksana Petrenko Says Bridge Will Open in May",
            &[(
                "Bridge Will Open in May",
                Some("Oksana Petrenko"),
                "Oksana Petrenko",
                I,
            )],
        ),
        (
            "Petrenko says the bridge will open in May",
            &[(
                "the bridge will open in May",
                Some("Oksana Petrenko"),
                "Petrenko",
                I,
            )],
        ),
        // Labels, shouting and headlines with no speaker hold no quote.
        ("The Latest: Bridge Opens in Kelland", &[]),
        ("BREAKING: Bridge Opens in Kelland", &[]),
        ("A Bridge for Kelland", &[]),
        ("", &[]),
    ];
    let mut failed = Vec::new();
    for (title, want) in rows {
        let a = Article {
            title: title.to_string(),
            body: "Oksana Petrenko opened the bridge. Petrenko spoke first.".to_string(),
            ..Article::default()
        };
        let got: Vec<_> = extract_quotes(&a, std::slice::from_ref(&petrenko))
            .into_iter()
            .filter(|q| q.in_title)
            .inspect(|q| assert_eq!(&title[q.start..q.end], q.text, "offsets of {q:?}"))
            .map(|q| (q.text, q.speaker, q.speaker_mention, q.kind))
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(t, s, m, k)| {
                (
                    t.to_string(),
                    s.map(str::to_string),
                    Some(m.to_string()),
                    *k,
                )
            })
            .collect();
        if got != want {
            failed.push(format!("{title}\n   got:  {got:?}\n   want: {want:?}"));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

#[test]
fn title_quotes_are_marked_and_serialized() {
    let a = Article {
        title: "Petrenko: Bridge Will Open in May".to_string(),
        body: "The bridge is long. “It is ready,” Petrenko said.".to_string(),
        ..Article::default()
    };
    let q = extract_quotes(&a, &[]);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[0].in_title && !q[1].in_title);
    let json = serde_json::to_value(&q[0]).unwrap();
    assert_eq!(json["in_title"], true);
    let json = serde_json::to_value(&q[1]).unwrap();
    assert!(json.get("in_title").is_none(), "skipped when false: {json}");
    let back: Quote = serde_json::from_value(json).unwrap();
    assert!(!back.in_title);
}

#[test]
fn reports_without_a_reporting_verb() {
    check(&[
        // A poll or survey reports what it found.
        (
            "In the new Kelland survey, support for the bridge rose to 60 percent.",
            &[(
                "support for the bridge rose to 60 percent",
                Some("Kelland"),
                I,
            )],
        ),
        (
            "Support for the bridge rose to 61% in the survey.",
            &[("Support for the bridge rose to 61%", None, I)],
        ),
        // "in" a place or a year is no report.
        ("Support for the bridge rose in Kelland.", &[]),
        // A long source after "according to".
        (
            "According to early results of the exit poll run for the Kellen Courier, Petrenko led in both regions.",
            &[("Petrenko led in both regions", None, I)],
        ),
        // A transcript: the name before the colon said the paragraph.
        (
            "Brandt: Here is the thing about bridges. They last a long time.\n\nPetrenko: Not this one.",
            &[(
                "Here is the thing about bridges. They last a long time",
                Some("Brandt"),
                I,
            )],
        ),
        ("Correction: An earlier version misnamed the bridge.", &[]),
    ]);
}

#[test]
fn relative_clauses_inside_the_subject() {
    check(&[(
        "Petrenko, who said the bridge was safe, said she would reopen it soon.",
        &[
            ("the bridge was safe", Some("Petrenko"), I),
            ("she would reopen it soon", Some("Petrenko"), I),
        ],
    )]);
}

#[test]
fn subjects_the_phrase_rules_missed() {
    check(&[
        // A relative clause between the subject and its cue.
        (
            "Some who live near the tunnel argue that the ferry is cheaper.",
            &[("that the ferry is cheaper", None, I)],
        ),
        // A day between the name and the cue, after an adverb.
        (
            "Dana Vale earlier Thursday said the bridge would reopen in May.",
            &[("the bridge would reopen in May", Some("Dana Vale"), I)],
        ),
        // An inverted cue whose speaker has a relative clause.
        (
            "The ferry will stop running in June, said an engineer who worked on the plan.",
            &[("The ferry will stop running in June", None, I)],
        ),
        // An appositive subject with a noun and a tail before an aside.
        (
            "Kellish leaders in the valley, for instance, noted that the mill had closed.",
            &[("that the mill had closed", None, I)],
        ),
        // The people close to someone, not that someone.
        (
            "The bridge will close for a year, people close to Dana Vale say.",
            &[("The bridge will close for a year", None, I)],
        ),
    ]);
}

#[test]
fn what_follows_a_comma_after_the_cue() {
    check(&[
        (
            "Orrin Mabe said, twice, that he would go back to work on Wednesday.",
            &[(
                "twice, that he would go back to work on Wednesday",
                Some("Orrin Mabe"),
                I,
            )],
        ),
        (
            "Mayor Dana Vale says, win or lose in the vote, she is staying in the race.",
            &[(
                "win or lose in the vote, she is staying in the race",
                Some("Dana Vale"),
                I,
            )],
        ),
        // After a quotation that ends the sentence before, the cue says that quotation.
        (
            "\"All the way!\" Dana Vale shouted, a cry she likes to repeat at rallies.",
            &[("All the way!", Some("Dana Vale"), D)],
        ),
        // A show after a possessive is where it was said, not what.
        (
            "The mill was in trouble, Dana Vale said Wednesday on KBC's \"Morning Show.\"",
            &[("The mill was in trouble", Some("Dana Vale"), I)],
        ),
        // "would only say"
        (
            "Asked about it, Senator Orrin Mabe would only say that his rival was worrisome.",
            &[("that his rival was worrisome", Some("Orrin Mabe"), I)],
        ),
        // A term in single marks is part of the report.
        (
            "Kellish officials say the move was a step toward a ‘rebalance’ of the harbor.",
            &[(
                "the move was a step toward a ‘rebalance’ of the harbor",
                None,
                I,
            )],
        ),
        // A quotation after the cue is reported even after one before it.
        (
            "Walking in to chants of \"Vale! Vale!,\" the senator said her campaign was \"closing really strong.\"",
            &[
                ("Vale! Vale!,", None, P),
                ("closing really strong.", None, P),
            ],
        ),
    ]);
}

#[test]
fn questions_and_findings() {
    check(&[
        // The question is reported, and so is the answer, apart.
        (
            "Asked what the plan was, Brandt said: “We will build it.”",
            &[
                ("what the plan was", None, I),
                ("We will build it.", Some("Brandt"), D),
            ],
        ),
        // A document of something shows what it shows.
        (
            "A video of the meeting shows Brandt leaving early.",
            &[("Brandt leaving early", None, I)],
        ),
        (
            "The figures show that fares rose by a third.",
            &[("that fares rose by a third", None, I)],
        ),
        // One report, not one for "seemed" and another for "say".
        (
            "Petrenko seemed to say that the bridge was unsafe.",
            &[("to say that the bridge was unsafe", Some("Petrenko"), I)],
        ),
    ]);
}

#[test]
fn colons_that_name_the_speaker() {
    check(&[
        // The quotation in the paragraph after "Stated X:".
        (
            "Stated Brandt:\n\n“I think the stakes are very high for all of us.”",
            &[(
                "I think the stakes are very high for all of us.",
                Some("Brandt"),
                D,
            )],
        ),
        // A name with its party and state before the colon.
        (
            "Rep. Ada Brandt (R-Kel.): “Who told you that figure?”",
            &[("Who told you that figure?", Some("Ada Brandt"), D)],
        ),
    ]);
}

#[test]
fn speakers_of_inversions_questions_and_expectations() {
    check(&[
        // A fronted adverbial inside the "that" clause is part of the report.
        (
            "Local media reported that during the visit, Governor Ada Brandt repeated her request that the bank return the funds.",
            &[(
                "that during the visit, Governor Ada Brandt repeated her request that the bank return the funds",
                Some("Local media"),
                I,
            )],
        ),
        // "X, said Y, …": Y speaks.
        (
            "The delay, said Corlin, would cost the city two years.",
            &[(
                "The delay, said Corlin, would cost the city two years",
                Some("Corlin"),
                I,
            )],
        ),
        // The answer after a question is its subject's, not the unnamed asker's.
        (
            "When asked whom she supported, Ms. Varga smiled and said, “I am waiting for someone else to get in the race.”",
            &[
                ("whom she supported", None, I),
                (
                    "I am waiting for someone else to get in the race.",
                    Some("Varga"),
                    D,
                ),
            ],
        ),
        // A conjunction before the name that a colon closes.
        (
            "And Mr. Corlin gloated: “I told you he would not be ready.”",
            &[("I told you he would not be ready.", Some("Corlin"), D)],
        ),
        // An expectation is no one's words.
        (
            "Brandt is expected to visit the capital as early as next week.",
            &[("to visit the capital as early as next week", None, I)],
        ),
        // A fragment in doubled apostrophes inside reported speech: the whole report.
        (
            "Mr. Corlin said that the bridge plan was ''dead on arrival'' in the council.",
            &[(
                "that the bridge plan was ''dead on arrival'' in the council",
                Some("Corlin"),
                I,
            )],
        ),
        // A party word, a role and then the name: the name speaks.
        (
            "Green presidential nominee Ada Brandt chimed in on the radio, saying that the bridge should wait.",
            &[("that the bridge should wait", Some("Ada Brandt"), I)],
        ),
        // A participle between a number or an article and its noun is an adjective.
        (
            "Brandt leads with 280 pledged delegates, and the United States agreed.",
            &[],
        ),
        // A base form after a singular noun is a noun ("a passing promise"); after a
        // plural it is a verb.
        (
            "Corlin made a passing promise that the bridge would open in May.",
            &[],
        ),
        (
            "The polls show Brandt ahead by four points.",
            &[("Brandt ahead by four points", None, I)],
        ),
    ]);
}

#[test]
fn long_group_subjects() {
    check(&[
        // A subject the noun phrase rules do not take is the stretch before the cue.
        (
            "About 58 percent of Kellish voters overall said they would stay home in the spring.",
            &[("they would stay home in the spring", None, I)],
        ),
        (
            "By wide margins, those surveyed say the ferry should run all year.",
            &[("the ferry should run all year", None, I)],
        ),
        (
            "Nearly a third say they have not decided.",
            &[("they have not decided", None, I)],
        ),
        // An appositive subject: a former title, a party in parentheses, a
        // capitalised adjective and its noun.
        (
            "Former Senator Orrin Mabe, a Kellish farmer who led the water board, said that the dam should stay.",
            &[("that the dam should stay", Some("Orrin Mabe"), I)],
        ),
        (
            "Sen. Dana Vale (D-Kel.), said after a lunch on Tuesday that she had not read the plan.",
            &[("that she had not read the plan", Some("Dana Vale"), I)],
        ),
        (
            "Kellish farmers, like their neighbours, say the dam should stay.",
            &[("the dam should stay", None, I)],
        ),
        // A nickname inside a name is no quotation.
        (
            "Del. Marisa “Risa” Holm said the valley would win.",
            &[("the valley would win", Some("Holm"), I)],
        ),
        // A noun, not a verb: no report.
        ("The most telling promise came late in the evening.", &[]),
        (
            "The so-called reform passed the council on a close vote.",
            &[],
        ),
    ]);
}

#[test]
fn quotations_introduced_or_signed_in_another_paragraph() {
    check(&[
        // A colon ending the paragraph before names the speaker.
        (
            "In response, Senator Orrin Mabe issued the following statement:\n\n“Our thoughts are with the valley. This cannot continue.”",
            &[(
                "Our thoughts are with the valley. This cannot continue.",
                Some("Orrin Mabe"),
                D,
            )],
        ),
        // The name before the colon is an object, not the speaker.
        (
            "Orrin Mabe later told the Kellish Courier: “We will meet next week to talk it over.”",
            &[(
                "We will meet next week to talk it over.",
                Some("Orrin Mabe"),
                D,
            )],
        ),
        (
            "Senator Orrin Mabe delivered a blunt message to Vale: “It is time to stop attacking people.”",
            &[(
                "It is time to stop attacking people.",
                Some("Orrin Mabe"),
                D,
            )],
        ),
        // A name after a dash, as a paragraph of its own, signs the quotation.
        (
            "Dana Vale runs the ferry twice a day.\n\n“I went to the river before the flood. I was the one saying it would rise.”\n\n- Dana Vale.\n\nThe river rose.",
            &[(
                "I went to the river before the flood. I was the one saying it would rise.",
                Some("Dana Vale"),
                D,
            )],
        ),
    ]);
}

#[test]
fn what_follows_in_is_not_the_speaker() {
    check(&[
        (
            "Officials in Kellen said the dam would hold.",
            &[("the dam would hold", None, I)],
        ),
        (
            "Dana Vale in a radio interview said the dam would hold.",
            &[("the dam would hold", Some("Dana Vale"), I)],
        ),
        (
            "The Kellish embassy in Harrowgate said the talks were over.",
            &[("the talks were over", Some("Kellish embassy"), I)],
        ),
    ]);
}
