//! Table-driven tests of topic extraction on short articles written for them.

use super::*;

fn article(title: &str, body: &str) -> Article {
    Article {
        title: title.to_string(),
        body: body.to_string(),
        ..Article::default()
    }
}

fn ids(title: &str, body: &str) -> Vec<String> {
    extract_topics(&article(title, body))
        .into_iter()
        .map(|t| t.id)
        .collect()
}

/// Filler that makes a body long without naming anything.
fn filler(words: usize) -> String {
    let sentence = "The crowd cheered as the afternoon went on and the players kept going. ";
    let n = words / 13 + 1;
    sentence.repeat(n)
}

struct Case {
    name: &'static str,
    title: &'static str,
    body: String,
    has: &'static [&'static str],
    lacks: &'static [&'static str],
}

fn case(
    name: &'static str,
    title: &'static str,
    body: &str,
    has: &'static [&'static str],
    lacks: &'static [&'static str],
) -> Case {
    Case {
        name,
        title,
        body: body.to_string(),
        has,
        lacks,
    }
}

const GEORGIA: &str = "place/asia/georgia";
const GEORGIA_STATE: &str = "place/north-america/united-states/georgia";
const TURKEY: &str = "place/asia/turkey";
const JORDAN: &str = "place/asia/jordan";
const US: &str = "place/north-america/united-states";
const WASHINGTON_STATE: &str = "place/north-america/united-states/washington";
const GULF: &str = "place/asia/middle-east/gulf";
const WAR: &str = "subject/conflict/war";

fn hard_cases() -> Vec<Case> {
    vec![
        case(
            "georgia_the_state",
            "Georgia governor signs voting law",
            "Georgia Gov. Brian Kemp signed the bill in Atlanta on Thursday.\n\n\
             Democrats in the state legislature said the law would make it harder \
             for voters in Fulton County to cast ballots.",
            &[GEORGIA_STATE],
            &[GEORGIA],
        ),
        case(
            "georgia_the_country",
            "Georgia accuses Russia over breakaway region",
            "Georgia said Russian troops had moved the boundary of South Ossetia \
             deeper into its territory.\n\nOfficials in Tbilisi called on the European \
             Union to respond, recalling the 2008 war with Russia.",
            &[GEORGIA, "place/europe/russia"],
            &[GEORGIA_STATE],
        ),
        case(
            "georgia_the_country_from_its_president",
            "Saakashvili says Georgia will not give up on NATO",
            "President Mikheil Saakashvili said Georgia would keep seeking NATO \
             membership despite pressure from Moscow.",
            &[GEORGIA],
            &[GEORGIA_STATE],
        ),
        case(
            "turkey_the_country",
            "Turkey detains journalists",
            "Turkey detained a dozen journalists on Monday, Turkish media reported.\n\n\
             President Recep Tayyip Erdogan said in Ankara that the arrests were lawful.",
            &[TURKEY],
            &[],
        ),
        case(
            "turkey_the_bird",
            "Turkey prices rise before Thanksgiving",
            "Turkey prices are up ten percent this year, grocers say, as families plan \
             their Thanksgiving dinner.\n\nA roast turkey with stuffing and gravy \
             remains the centrepiece of the holiday feast.",
            &[],
            &[TURKEY],
        ),
        case(
            "turkey_lowercase_is_never_the_country",
            "How to carve the bird",
            "Let the turkey rest before carving. A turkey that rests stays moist.\n\n\
             Slice the turkey breast against the grain.",
            &[],
            &[TURKEY],
        ),
        case(
            "jordan_the_country",
            "Jordan hosts talks on Syrian refugees",
            "Jordan, which hosts more than 600,000 refugees, held talks in Amman on \
             Tuesday.\n\nJordanian officials said the camps near the border were full.",
            &[JORDAN, "place/asia/syria"],
            &[],
        ),
        case(
            "jordan_a_basketball_player",
            "Michael Jordan buys a stake in a team",
            "Michael Jordan has bought a stake in a racing team. Jordan said he had \
             followed the sport since childhood.",
            &[],
            &[JORDAN],
        ),
        case(
            "jordan_a_congressman",
            "Republicans rally behind Jim Jordan",
            "Rep. Jim Jordan of Ohio said on Tuesday he would run for speaker. Jordan \
             told reporters he had the votes.",
            &[],
            &[JORDAN],
        ),
        case(
            "jordan_a_writer_after",
            "Jordan Peterson tours Europe",
            "Jordan Peterson, the Canadian psychologist, began a lecture tour. Peterson \
             said the tour had sold out.",
            &[],
            &[JORDAN],
        ),
        case(
            "washington_the_government",
            "Washington and Beijing trade barbs",
            "Washington accused Beijing of unfair practices on Monday, and Chinese \
             officials replied that Washington was bullying its partners.",
            &[US, "place/asia/china"],
            &[WASHINGTON_STATE],
        ),
        case(
            "washington_the_state",
            "Wildfires spread in Washington state",
            "Fires burned across Washington state on Sunday. Gov. Jay Inslee declared \
             an emergency as smoke covered Seattle and Spokane.\n\nFirefighters in \
             Washington said the fires were the worst in a decade.",
            &[WASHINGTON_STATE],
            &[],
        ),
        case(
            "washington_a_newspaper",
            "Report on the report",
            "The Washington Post reported the story first, and the Washington \
             Nationals won their game.",
            &[],
            &[US, WASHINGTON_STATE],
        ),
        case(
            "the_gulf_persian",
            "Tankers attacked in the Gulf",
            "Two tankers were attacked in the Gulf on Thursday, raising tensions \
             between Iran and Saudi Arabia.\n\nShipping through the Gulf slowed.",
            &[GULF, "place/asia/iran"],
            &[],
        ),
        case(
            "the_gulf_of_mexico",
            "Oil spill spreads across the Gulf",
            "The oil spill in the Gulf of Mexico reached the Louisiana coast on Friday. \
             BP said it was working to cap the well.\n\nFishermen along the Gulf \
             Coast said the spill would ruin the shrimp season, and the Gulf had not \
             been this dirty since the hurricane.",
            &[],
            &[GULF],
        ),
        case(
            "demonyms_and_metonyms",
            "Syrians flee as Kremlin backs offensive",
            "Thousands of Syrians fled their homes on Sunday. The Kremlin said its \
             aircraft were targeting militants, and Moscow rejected criticism.\n\n\
             Russian jets flew from a base near Latakia.",
            &["place/asia/syria", "place/europe/russia"],
            &[],
        ),
        case(
            "crimean_is_crimea",
            "Crimean Tatars protest",
            "Crimean Tatars gathered in Simferopol to protest the arrest of their \
             leaders by the Russian authorities, who annexed the peninsula in 2014.",
            &["place/europe/ukraine/crimea"],
            &[],
        ),
        case(
            "organisations_and_their_spellings",
            "Security Council condemns attack claimed by Islamic State",
            "The U.N. Security Council condemned the bombing, which Islamic State \
             claimed. Al-Qaida's branch in Yemen and the Taliban also face sanctions.",
            &["org/un/security-council", "org/isis", "org/al-qaeda"],
            &["org/un"],
        ),
        case(
            "a_sheriff_named_israel",
            "Sheriff defends deputies",
            "Broward County Sheriff Scott Israel said the deputy had resigned. Sheriff \
             Israel said the footage had left him sick.",
            &[],
            &["place/asia/israel"],
        ),
        case(
            "a_cuisine_is_not_a_country",
            "Senator heckled at dinner",
            "Protesters confronted the senator at an Italian restaurant in Washington, \
             D.C. on Monday night.",
            &["place/north-america/united-states/district-of-columbia"],
            &["place/europe/italy"],
        ),
        case(
            "a_dateline_is_not_a_topic",
            "Senate nears a deal",
            "(CNN) The Senate is close to a deal to end the shutdown, senators said on \
             Monday.",
            &["org/us/congress/senate"],
            &["org/companies/cnn"],
        ),
        case(
            "the_treasury_in_london",
            "Chancellor defends spending plans",
            "The Treasury said the Chancellor, Gordon Brown, would not raise taxes \
             before the election. Labour MPs welcomed the UK figures.",
            &["org/uk/treasury"],
            &["org/us/treasury"],
        ),
        case(
            "the_treasury_in_washington",
            "Treasury weighs new sanctions",
            "The Treasury said on Monday that Treasury Secretary Steven Mnuchin would \
             brief Congress on the sanctions.",
            &["org/us/treasury"],
            &["org/uk/treasury"],
        ),
        case(
            "sanctions_and_diplomacy",
            "EU foreign ministers agree new sanctions on Iran",
            "European Union foreign ministers agreed on Monday to impose sanctions on \
             Iranian officials. Diplomats said the talks in Brussels had been difficult.",
            &["org/eu", "place/asia/iran", "subject/politics/sanctions"],
            &[],
        ),
    ]
}

/// Run the cases; report every failure at once.
fn check(cases: impl IntoIterator<Item = Case>) {
    let mut failures = Vec::new();
    for c in cases {
        let got = ids(c.title, &c.body);
        for want in c.has {
            if !got.iter().any(|id| id == want) {
                failures.push(format!("{}: missing {want}; got {got:?}", c.name));
            }
        }
        for unwanted in c.lacks {
            if got.iter().any(|id| id == unwanted) {
                failures.push(format!("{}: unwanted {unwanted}; got {got:?}", c.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hard_cases_of_places_and_organisations() {
    check(hard_cases());
}

#[test]
fn a_war_in_passing_does_not_make_a_sports_story_about_war() {
    let body = format!(
        "The Tigers beat the Lions 3-1 in the league final on Saturday, and the coach \
         praised his players after the match.\n\nThe striker scored twice before \
         half-time. {}\n\nThe stadium, built after the war, was full for the first time \
         this season. {}",
        filler(300),
        filler(300)
    );
    let got = ids("Tigers win the league final", &body);
    assert!(!got.iter().any(|id| id == WAR), "{got:?}");
    assert!(
        got.iter().any(|id| id.starts_with("subject/sport")),
        "{got:?}"
    );
}

#[test]
fn a_single_mention_deep_in_a_long_body_is_not_a_topic() {
    let body = format!(
        "The Tigers beat the Lions in the final on Saturday.\n\n{}\n\nThe coach once \
         played in France.\n\n{}",
        filler(600),
        filler(600)
    );
    let got = ids("Tigers win the final", &body);
    assert!(!got.iter().any(|id| id == "place/europe/france"), "{got:?}");
}

#[test]
fn a_city_and_its_state_in_one_breath_are_one_mention() {
    // Once in the body of a 600-word article: below the threshold, though two
    // names ("Des Moines", "Iowa") point at it and would pass it if both counted.
    let body = format!(
        "The mayor spoke about the city budget.\n\n{}\n\nHe once campaigned in Des \
         Moines, Iowa.\n\n{}",
        filler(280),
        filler(280)
    );
    let got = ids("Mayor defends budget", &body);
    assert!(
        !got.iter()
            .any(|id| id == "place/north-america/united-states/iowa"),
        "{got:?}"
    );
}

#[test]
fn the_title_outweighs_the_body() {
    let body = "Ministers met on Monday. Later, a minister mentioned Canada in passing.";
    let topics = extract_topics(&article("France and Germany sign a treaty", body));
    let score = |id: &str| topics.iter().find(|t| t.id == id).map(|t| t.score);
    let france = score("place/europe/france").expect("France from the title");
    let canada = score("place/north-america/canada").unwrap_or(0.0);
    assert!(france > canada, "{topics:?}");
}

#[test]
fn topics_are_sorted_by_a_score_between_0_and_1() {
    let topics = extract_topics(&article(
        "North Korea tests a missile",
        "North Korea fired a ballistic missile on Friday, its third nuclear-capable \
         launch this year, and Pyongyang said it would continue its nuclear weapons \
         program despite sanctions.",
    ));
    let first_place = topics.iter().find(|t| t.kind == TopicKind::Place);
    assert_eq!(
        first_place.map(|t| t.id.as_str()),
        Some("place/asia/north-korea")
    );
    assert!(topics.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(topics.iter().all(|t| t.score > 0.0 && t.score < 1.0));
    assert!(
        topics
            .iter()
            .any(|t| t.id == "subject/conflict/nuclear-weapons")
    );
}

#[test]
fn an_empty_article_has_no_topics() {
    assert!(extract_topics(&Article::default()).is_empty());
}

#[test]
fn extraction_is_deterministic() {
    let a = article(
        "Trump and Putin discuss Syria",
        "The two presidents discussed Syria, Ukraine and North Korea by phone.",
    );
    assert_eq!(extract_topics(&a), extract_topics(&a));
}

#[test]
fn subjects_from_their_words_and_not_from_lookalikes() {
    let cases = [
        case(
            "trade_war_is_trade",
            "Tariffs escalate the trade war with China",
            "The United States raised tariffs on Chinese goods on Friday, and Beijing \
             promised retaliatory duties on soybeans. Exporters warned the trade war \
             would hurt farmers.",
            &["subject/economy/trade"],
            &[WAR],
        ),
        case(
            "nuclear_power_is_energy",
            "Utility plans new nuclear power plant",
            "The utility said the nuclear power plant would supply electricity to a \
             million homes. Natural gas and coal plants will close as the reactors come \
             online.",
            &["subject/economy/energy"],
            &["subject/conflict/nuclear-weapons"],
        ),
        case(
            "a_senate_race_is_not_sport",
            "Democrat leads in Senate race",
            "The Democratic candidate leads the Senate race by four points, a new poll \
             shows, as voters prepare to cast ballots in the midterm elections.",
            &["subject/politics/elections"],
            &["subject/sport"],
        ),
        case(
            "a_holiday_in_passing_is_not_a_subject",
            "Congress leaves without a budget deal",
            "Lawmakers left Washington for Thanksgiving without agreeing on a spending \
             bill, raising the risk of a government shutdown next month. The budget \
             deficit and the debt ceiling divide the parties.",
            &["subject/economy/budget"],
            &["subject/lifestyle/holidays"],
        ),
        case(
            "terrorism_from_words_and_groups",
            "Suicide bomber kills 20 at market",
            "A suicide bomber killed 20 people at a market on Friday. Islamic State \
             claimed the attack, the latest in a wave of terrorist bombings.",
            &["subject/conflict/terrorism", "org/isis"],
            &[],
        ),
        case(
            "a_war_of_words_is_not_a_war",
            "Ministers trade insults",
            "The two ministers engaged in a war of words on Twitter on Monday, each \
             accusing the other of lying about the budget.",
            &[],
            &[WAR],
        ),
    ];
    check(cases);
}

#[test]
fn at_most_six_subjects() {
    let body = "The senator said the tax bill, the budget deficit, the trade war with \
                China, immigration at the border, the opioid epidemic, climate change, \
                gun control, abortion rights, school funding and the health care law \
                would all be on the agenda. "
        .repeat(5);
    let topics = extract_topics(&article("An agenda for everything", &body));
    let subjects = topics
        .iter()
        .filter(|t| t.kind == TopicKind::Subject)
        .count();
    assert!(subjects <= 6, "{topics:?}");
}

#[test]
fn eight_bytes_are_spaces_where_each_byte_is() {
    for b in 0..0x80u8 {
        for at in 0..8 {
            // `b` among letters, and among spaces.
            for fill in [b'x', b' '] {
                let mut eight = [fill; 8];
                eight[at] = b;
                let want = eight
                    .iter()
                    .enumerate()
                    .fold(0, |m, (k, &c)| m | (u64::from(is_space(c)) << (8 * k + 7)));
                assert_eq!(
                    ascii_spaces(u64::from_le_bytes(eight)),
                    Some(want),
                    "{eight:?}"
                );
            }
        }
    }
    assert_eq!(ascii_spaces(u64::from_le_bytes(*b"caf\xc3\xa9 ok")), None);
}

#[test]
fn words_are_counted_as_split_whitespace_counts_them() {
    for text in [
        "",
        " ",
        "one",
        "  two words  ",
        "tab\tand\nnew\r\nlines",
        "vertical\x0Btab and\x0Cfeed",
        "no\u{a0}break, ideographic\u{3000}space, next\u{85}line",
        "em\u{2003}space and thin\u{2009}space",
        "Côte d’Ivoire — São Paulo",
        "\u{feff}bom is not space",
        // Long enough to be counted sixteen bytes at a time, with words and
        // non-ASCII characters across the chunks' edges.
        "a sixteen-byte run of words, then another and another, and more",
        "0123456789abcdef0123456789abcdef 0123456789abcde f",
        "               x                x               \t              y",
        "fifteen bytes: Côte d’Ivoire, then\u{a0}a no-break\u{2003}em space here",
        "Übermäßig lange Wörter über die Grenze hinaus gehen weiter und weiter so",
        "word\u{85}word\u{3000}word\u{2028}word and then plain ASCII to the end of it",
    ] {
        assert_eq!(
            count_words(text),
            text.split_whitespace().count(),
            "{text:?}"
        );
    }
}
