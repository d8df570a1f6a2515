#!/usr/bin/env python3
"""Strict checker for src/extract/data/leaders.tsv.

Format: UTF-8, tab-separated, one person per line, 5 columns:
    name, gender (m/f), country, roles, aliases
Lines starting with '#' are comments, blank lines are allowed.
roles:   '; '-separated, each 'Title (YYYY-YYYY, YYYY-)'.
aliases: '|'-separated, may be empty.

Exits 1 and prints 'line N: reason' for every problem found, otherwise
prints a summary and exits 0.
"""
import os
import re
import signal
import sys
from collections import defaultdict

MIN_YEAR = 1900
MAX_YEAR = 2026

G20 = [
    "Argentina", "Australia", "Brazil", "Canada", "China", "France", "Germany",
    "India", "Indonesia", "Italy", "Japan", "Mexico", "Russia", "Saudi Arabia",
    "South Africa", "South Korea", "Turkey", "United Kingdom", "United States",
    "European Union",
]
# The 60 most populous countries not already in the G20 list.
POPULOUS = [
    "Nigeria", "Pakistan", "Bangladesh", "Ethiopia", "Philippines", "Egypt",
    "Vietnam", "DR Congo", "Iran", "Thailand", "Tanzania", "Myanmar", "Kenya",
    "Colombia", "Spain", "Uganda", "Sudan", "Algeria", "Iraq", "Afghanistan",
    "Poland", "Ukraine", "Morocco", "Uzbekistan", "Peru", "Malaysia", "Angola",
    "Ghana", "Mozambique", "Yemen", "Nepal", "Venezuela", "Madagascar",
    "Cameroon", "Côte d'Ivoire", "North Korea", "Niger", "Taiwan", "Sri Lanka",
    "Burkina Faso", "Mali", "Syria", "Chile", "Kazakhstan", "Romania",
    "Malawi", "Zambia", "Netherlands", "Ecuador", "Cambodia", "Senegal",
    "Chad", "Somalia", "Guatemala", "Zimbabwe", "Guinea", "Rwanda", "Benin",
    "Burundi", "Bolivia", "Tunisia", "Haiti", "South Sudan", "Belgium",
    "Jordan", "Cuba", "Dominican Republic", "Czechia", "Sweden", "Greece",
]

YEARS_RE = re.compile(r"^(\d{4})-(\d{4})?$")
ROLE_RE = re.compile(r"^(?P<title>[^()]+?) \((?P<years>[^()]+)\)$")


def check_years(spec):
    """Return an error string or None for the inside of '( ... )'."""
    parts = spec.split(", ")
    prev_end = None
    for i, part in enumerate(parts):
        m = YEARS_RE.match(part)
        if not m:
            return f"malformed year range {part!r} (want YYYY-YYYY or YYYY-)"
        start = int(m.group(1))
        end = int(m.group(2)) if m.group(2) else None
        if not MIN_YEAR <= start <= MAX_YEAR:
            return f"year {start} outside {MIN_YEAR}-{MAX_YEAR}"
        if end is not None:
            if not MIN_YEAR <= end <= MAX_YEAR:
                return f"year {end} outside {MIN_YEAR}-{MAX_YEAR}"
            if start > end:
                return f"range {part!r} has start after end"
        elif i != len(parts) - 1:
            return f"open range {part!r} must be the last range"
        if prev_end is not None and start < prev_end:
            return f"range {part!r} starts before the previous range ends"
        prev_end = end if end is not None else start
    return None


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "src", "extract", "data", "leaders.tsv")
    path = argv[1] if len(argv) > 1 else default
    errors = []

    def err(n, msg):
        errors.append(f"line {n}: {msg}")

    with open(path, "rb") as fh:
        raw = fh.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        errors.append("line 1: file starts with a UTF-8 BOM")
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        print(f"line ?: not valid UTF-8: {e}")
        return 1
    if "\r" in text:
        errors.append("line ?: file contains carriage returns (use LF line endings)")

    people = []  # (lineno, name, gender, country, roles, aliases)
    for n, line in enumerate(text.split("\n"), start=1):
        if line == "":
            continue
        if line.startswith("#"):
            continue
        if line.strip() == "":
            err(n, "line contains only whitespace")
            continue
        # A trailing tab is legitimate (empty aliases column); any other
        # leading/trailing whitespace is caught here or by the field checks.
        if line[0].isspace():
            err(n, "leading whitespace on line")
        if line.endswith((" ", "\u00a0")):
            err(n, "trailing whitespace on line")
        cols = line.split("\t")
        if len(cols) != 5:
            err(n, f"expected 5 tab-separated columns, found {len(cols)}")
            continue
        name, gender, country, roles, aliases = cols
        for label, val in (("name", name), ("gender", gender),
                           ("country", country), ("roles", roles),
                           ("aliases", aliases)):
            if val != val.strip():
                err(n, f"leading or trailing whitespace in {label} column")
            if "  " in val:
                err(n, f"double space in {label} column")
        if not name.strip():
            err(n, "empty name")
        if gender not in ("m", "f"):
            err(n, f"gender must be 'm' or 'f', got {gender!r}")
        if not country.strip():
            err(n, "empty country")
        if not roles.strip():
            err(n, "empty roles")
        else:
            for role in roles.split("; "):
                if role != role.strip() or not role:
                    err(n, f"bad role separator or whitespace near {role!r}")
                    continue
                m = ROLE_RE.match(role)
                if not m:
                    err(n, f"role without well-formed '(years)': {role!r}")
                    continue
                if m.group("title") != m.group("title").strip():
                    err(n, f"whitespace around role title {role!r}")
                problem = check_years(m.group("years"))
                if problem:
                    err(n, f"role {role!r}: {problem}")
        alias_list = []
        if aliases != "":
            for a in aliases.split("|"):
                if a == "":
                    err(n, "empty alias (stray '|')")
                    continue
                if a != a.strip():
                    err(n, f"leading or trailing whitespace in alias {a!r}")
                if a == name:
                    err(n, f"alias {a!r} repeats the canonical name")
                if a in alias_list:
                    err(n, f"alias {a!r} listed twice")
                alias_list.append(a)
        people.append((n, name, gender, country, roles, alias_list))

    # duplicate canonical names
    by_name = {}
    for n, name, *_ in people:
        if name in by_name:
            err(n, f"duplicate canonical name {name!r} (first on line {by_name[name]})")
        else:
            by_name[name] = n

    # aliases colliding with another person's canonical name or alias
    alias_owner = defaultdict(list)  # alias -> [(line, name)]
    for n, name, _, _, _, alias_list in people:
        for a in alias_list:
            alias_owner[a].append((n, name))
    for n, name, _, _, _, alias_list in people:
        for a in alias_list:
            if a in by_name and a != name:
                err(n, f"alias {a!r} of {name!r} is the canonical name of the person on line {by_name[a]}")
            others = [(ln, nm) for ln, nm in alias_owner[a] if nm != name]
            if others:
                ln, nm = others[0]
                err(n, f"alias {a!r} of {name!r} is also an alias of {nm!r} (line {ln})")

    if errors:
        for e in sorted(set(errors), key=lambda s: (int(s.split()[1].rstrip(":")) if s.split()[1].rstrip(":").isdigit() else 0, s)):
            print(e)
        print(f"{len(set(errors))} problem(s) found", file=sys.stderr)
        return 1

    counts = defaultdict(int)
    for _, _, _, country, _, _ in people:
        counts[country] += 1
    print(f"people: {len(people)}")
    print(f"countries/organisations: {len(counts)}")
    print(f"aliases: {sum(len(p[5]) for p in people)}")
    low = []
    for group, names in (("G20", G20), ("most populous", POPULOUS)):
        print(f"-- {group} --")
        for c in names:
            k = counts.get(c, 0)
            flag = "  <-- fewer than 3" if k < 3 else ""
            if k < 3:
                low.append(c)
            print(f"  {c}: {k}{flag}")
    if low:
        print(f"WARNING: fewer than 3 people for: {', '.join(low)}")
    else:
        print("all listed countries have at least 3 people")
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main(sys.argv))
