#!/usr/bin/env python3
"""Compare newsdex's topics with the outlets' own labels in ../shared/corpora/allsides-4k.

Each AllSides article carries a `topic` field ("immigration", "elections", ...). This
maps those labels to our topic ids and reports how often our top subject agrees, then
lists each article's places and organisations for checking by hand.

    cargo build --release
    python3 scripts/topics_allsides.py [--n 50] [--seed 4] [--bin target/release/newsdex]

Only ids and labels are printed with the titles: no article text is copied anywhere.
"""

import argparse
import json
import os
import random
import subprocess
import sys

# Outlet label -> id prefixes that agree with it. Subject labels map to subjects;
# labels that name an organisation or a place map to it too, and any subject that
# an article with that label is usually about.
SUBJECT_LABELS = {
    "elections": ["subject/politics/elections"],
    "politics": ["subject/politics"],
    "white_house": ["subject/politics/government", "subject/politics"],
    "immigration": ["subject/society/immigration", "subject/society/refugees"],
    "healthcare": ["subject/health"],
    "coronavirus": ["subject/health/epidemics/covid-19"],
    "media_bias": ["subject/arts/media"],
    "supreme_court": ["subject/crime/courts"],
    "economy_and_jobs": ["subject/economy", "subject/labour"],
    "gun_control_and_gun_rights": ["subject/society/guns"],
    "us_house": ["subject/politics/legislation", "subject/politics"],
    "violence_in_america": ["subject/crime", "subject/society/guns"],
    "us_senate": ["subject/politics/legislation", "subject/politics"],
    "republican_party": ["subject/politics"],
    "environment": ["subject/environment"],
    "national_security": ["subject/conflict"],
    "federal_budget": ["subject/economy/budget"],
    "polarization": ["subject/politics"],
    "terrorism": ["subject/conflict/terrorism"],
    "foreign_policy": ["subject/politics/diplomacy", "subject/politics/sanctions"],
    "race_and_racism": ["subject/society/racism"],
    "us_congress": ["subject/politics/legislation", "subject/politics"],
    "taxes": ["subject/economy/taxes"],
    "education": ["subject/education"],
    "fbi": ["subject/crime/investigations", "subject/crime"],
    "trade": ["subject/economy/trade"],
    "us_military": ["subject/conflict/military", "subject/conflict"],
    "justice": ["subject/crime"],
    "culture": ["subject/arts", "subject/society"],
    "defense": ["subject/conflict/military", "subject/conflict"],
    "abortion": ["subject/society/abortion"],
    "impeachment": ["subject/politics/impeachment"],
    "north_korea": ["subject/conflict/nuclear-weapons", "subject/politics/diplomacy"],
    "lgbt_rights": ["subject/society/lgbt"],
    "state_department": ["subject/politics/diplomacy"],
    "free_speech": ["subject/politics/free-speech"],
    "justice_department": ["subject/crime"],
    "nsa": ["subject/conflict/espionage", "subject/science/privacy"],
    "banking_and_finance": ["subject/economy/banking", "subject/economy/markets"],
    "holidays": ["subject/lifestyle/holidays"],
    "economic_policy": ["subject/economy"],
    "fiscal_cliff": ["subject/economy/budget", "subject/economy/taxes"],
    "isis": ["subject/conflict/terrorism", "subject/conflict/war"],
    "campaign_finance": ["subject/politics/elections"],
    "religion_and_faith": ["subject/religion"],
    "civil_rights": ["subject/society", "subject/politics/human-rights"],
    "technology": ["subject/science", "subject/arts/social-media"],
    "sexual_misconduct": ["subject/crime/sexual-misconduct"],
    "homeland_security": ["subject/society/immigration", "subject/conflict/terrorism"],
    "business": ["subject/economy"],
    "disaster": ["subject/disaster"],
    "labor": ["subject/labour"],
    "marijuana_legalization": ["subject/crime/drugs"],
    "voting_rights_and_voter_fraud": ["subject/politics/elections"],
    "criminal_justice": ["subject/crime"],
    "sports": ["subject/sport"],
    "treasury": ["subject/economy"],
    "fake_news": ["subject/arts/media"],
    "veterans_affairs": ["subject/conflict/military"],
    "cybersecurity": ["subject/science/cybersecurity"],
    "epa": ["subject/environment"],
    "energy": ["subject/economy/energy", "subject/environment"],
    "privacy": ["subject/science/privacy"],
    "women's_issues": ["subject/society/gender", "subject/society/abortion"],
    "national_defense": ["subject/conflict/military", "subject/conflict"],
    "ebola": ["subject/health/epidemics"],
    "media_industry": ["subject/arts/media"],
    "transportation": ["subject/economy/transport"],
    "us_constitution": ["subject/crime/courts"],
    "inequality": ["subject/labour/wages", "subject/society/poverty"],
    "arts_and_entertainment": ["subject/arts"],
    "tea_party": ["subject/politics"],
    "nuclear_weapons": ["subject/conflict/nuclear-weapons"],
    "housing_and_homelessness": ["subject/economy/housing", "subject/society/poverty"],
    "animal_welfare": ["subject/environment/conservation"],
    "campaign_rhetoric": ["subject/politics/elections"],
    "public_health": ["subject/health"],
    "welfare": ["subject/society/poverty", "subject/labour/pensions"],
    "opioid_crisis": ["subject/crime/drugs"],
    "social_security": ["subject/labour/pensions"],
    "death_penalty": ["subject/crime/prisons"],
    "agriculture": ["subject/economy/agriculture"],
    "food": ["subject/lifestyle"],
    "obesity_and_malnutrition": ["subject/health"],
    "fda": ["subject/health"],
    "dea": ["subject/crime/drugs"],
    "role_of_government": ["subject/politics"],
    "domestic_policy": ["subject/politics"],
    "bridging_divides": ["subject/politics"],
    "facts_and_fact_checking": ["subject/arts/media"],
}

# Labels that name an organisation or a place: agree when that topic is found.
ENTITY_LABELS = {
    "white_house": ["org/us/white-house"],
    "supreme_court": ["org/us/supreme-court"],
    "us_house": ["org/us/congress"],
    "us_senate": ["org/us/congress"],
    "us_congress": ["org/us/congress"],
    "republican_party": ["org/parties/us-republican"],
    "democratic_party": ["org/parties/us-democratic"],
    "fbi": ["org/us/fbi"],
    "state_department": ["org/us/state-department"],
    "justice_department": ["org/us/justice-department"],
    "nsa": ["org/us/nsa"],
    "cia": ["org/us/cia"],
    "epa": ["org/us/epa"],
    "isis": ["org/isis"],
    "north_korea": ["place/asia/north-korea"],
    "russia": ["place/europe/russia"],
    "china": ["place/asia/china"],
    "israel": ["place/asia/israel"],
    "palestine": ["place/asia/palestine"],
    "mexico": ["place/north-america/mexico"],
    "great_britain": ["place/europe/united-kingdom"],
    "europe": ["place/europe", "org/eu"],
    "asia": ["place/asia"],
    "africa": ["place/africa"],
    "middle_east": ["place/asia/middle-east", "place/asia/syria", "place/asia/iraq",
                    "place/asia/iran", "place/asia/israel", "place/asia/palestine",
                    "place/asia/saudi-arabia", "place/asia/yemen", "place/asia/lebanon",
                    "place/asia/jordan", "place/asia/turkey", "place/africa/egypt",
                    "place/africa/libya", "place/asia/qatar", "place/asia/united-arab-emirates"],
    "treasury": ["org/us/treasury"],
    "fda": ["org/us/fda"],
    "dea": ["org/us/dea"],
    "veterans_affairs": ["org/us/va"],
    "homeland_security": ["org/us/dhs"],
    "us_military": ["org/us/military", "org/us/pentagon"],
}


def matches(topic_id, prefixes):
    return any(topic_id == p or topic_id.startswith(p + "/") for p in prefixes)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--bin", default=os.path.join(here, "target/release/newsdex"))
    ap.add_argument("--corpus", default=os.path.join(here, "../shared/corpora/allsides-4k"))
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--quiet", action="store_true", help="print the summary only")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        args.corpus = "/work/shared/corpora/allsides-4k"

    files = sorted(f for f in os.listdir(args.corpus) if f.endswith(".json"))
    picked = random.Random(args.seed).sample(files, min(args.n, len(files)))
    paths = [os.path.join(args.corpus, f) for f in picked]
    labels = {p: json.load(open(p)).get("topic", "") for p in paths}
    out = subprocess.run([args.bin, "extract", "--json", *paths],
                         capture_output=True, text=True, check=False)
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    subj_total = subj_top = subj_any = 0
    ent_total = ent_found = 0
    unmapped = []
    for r in records:
        label = labels.get(r["path"], "")
        subjects = [t for t in r["topics"] if t["kind"] == "subject"]
        places = [t for t in r["topics"] if t["kind"] == "place"]
        orgs = [t for t in r["topics"] if t["kind"] == "org"]
        verdict = []
        if label in SUBJECT_LABELS:
            prefixes = SUBJECT_LABELS[label]
            subj_total += 1
            top = subjects[0]["id"] if subjects else None
            top_ok = top is not None and matches(top, prefixes)
            any_ok = any(matches(t["id"], prefixes) for t in subjects[:3])
            subj_top += top_ok
            subj_any += any_ok
            verdict.append("top:" + ("yes" if top_ok else "top3" if any_ok else "no"))
        if label in ENTITY_LABELS:
            ent_total += 1
            found = any(matches(t["id"], ENTITY_LABELS[label]) for t in r["topics"])
            ent_found += found
            verdict.append("entity:" + ("yes" if found else "no"))
        if label not in SUBJECT_LABELS and label not in ENTITY_LABELS:
            unmapped.append(label)
            verdict.append("unmapped")
        if not args.quiet:
            print(f"== {os.path.basename(r['path'])} [{label}] {' '.join(verdict)}")
            print(f"   {r['title'][:110]}")
            print("   subjects:", ", ".join(f"{t['id'][8:]} {t['score']:.2f}" for t in subjects[:4]))
            print("   places:  ", ", ".join(t["label"] for t in places))
            print("   orgs:    ", ", ".join(t["label"] for t in orgs))
    print()
    print(f"articles: {len(records)}  (unmapped labels: {', '.join(sorted(set(unmapped))) or 'none'})")
    if subj_total:
        print(f"top subject agrees with the outlet's label: {subj_top}/{subj_total} "
              f"= {subj_top / subj_total:.0%}; within our top 3: {subj_any}/{subj_total} "
              f"= {subj_any / subj_total:.0%}")
    if ent_total:
        print(f"label names an org/place that we found: {ent_found}/{ent_total} "
              f"= {ent_found / ent_total:.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
