"""Fidelity of workplan.yaml to the original document (tests/data/seed.txt).

The seed is the plain-text export of the Word table (OBJETIVOS | ACTIVIDADES |
RESPONSABLE | CALENDARIO) of 26 Nov 2009.  These tests check that nothing of it
was lost in the transcription to workplan.yaml.  They use only the standard
library and ruamel.yaml (not the crm_plan package), so they keep working
whatever happens to the application code.

Numbering in the seed: objective "9", activity "9.3", responsible line "9.3.1",
calendar line "9.3.1.1".  The line "I. POLÍTICAS Y GESTIÓN MIGRATORIA" starts
the historical part, where "1.1.1" lines are outcomes of activity "1.1".
"""

import collections
import functools
import re
import unicodedata
from pathlib import Path

from ruamel.yaml import YAML

TESTS_DIR = Path(__file__).resolve().parent
SEED_PATH = TESTS_DIR / "data" / "seed.txt"
WORKPLAN_PATH = TESTS_DIR.parent / "workplan.yaml"

EXPECTED_ACTIVE_ACTIVITY_COUNT = 40
EXPECTED_OBJECTIVE_COUNT = 13
EXPECTED_HISTORY_ACTIVITY_IDS = [
    "I.A.1.1", "I.A.2.1", "I.A.3.1",
    "I.B.1.1", "I.B.1.2", "I.B.1.3", "I.B.1.4",
    "I.B.2.1", "I.B.3.1", "I.B.4.1", "I.B.5.1",
]

# --- Numbering slips of the seed, handled explicitly -------------------------
# Calendar lines whose number does not follow the X.Y.1.1 pattern.  The
# three-level ones ("8.1.1", "12.1.1") repeat the number of the responsible
# line just above them; only their second occurrence is a calendar.
CALENDAR_NUMBER_SLIPS = {
    "2.1.1.2": "2.2",  # "2.1.1.2. Febrero 2010." is the calendar of 2.2
    "8.1.1": "8.1",  # second "8.1.1" ("Por definir. (Ref.: ...)")
    "12.1.1": "12.1",  # second "12.1.1" ("CONTINUO")
}
# Responsible lines numbered wrongly.
RESPONSIBLE_NUMBER_SLIPS = {
    "13.2.1": "13.1",  # "13.2.1 Países miembros. NOTA: ..." belongs to 13.1
}
# Activities without a CALENDARIO line: 7.1's ACTIVIDADES cell itself reads
# "Por definir. NOTA: ..." and the row has no responsible/calendar cell.
ACTIVITIES_WITHOUT_CALENDAR = {"7.1": "por definir"}

# --- Fragments that the transcription split on purpose -----------------------
# Test 4 looks for every 4+-word fragment of the seed verbatim (normalised) in
# the YAML string values.  These fragments cannot be found verbatim because the
# wording became structured data; instead the structured fields are checked.
# Keys are normalised fragments; the target is the activity of the seed line
# (by its number) or, for the unnumbered line, the `document` block.
SPLIT_FRAGMENTS = {
    # Became document.updated (a date, not a string) + document.updated_by.
    "actualizado por la st el 26 de noviembre de 2009": {
        "updated": "2009-11-26",
        "updated_by": "ST",
    },
    # RESPONSABLE wordings turned into actor lists (responsible / coordination /
    # support); the remainder of the wording went to responsible_note.
    "paises miembros, con apoyo de la rrocm si lo desean": {
        "responsible": ["Países miembros"],
        "support": ["RROCM"],
        "responsible_note": "con apoyo de la RROCM si lo desean (Ref.: XI RCM)",
    },
    "paises miembros y oim": {"responsible": ["Países miembros", "OIM"]},
    "mexico, oim y otros gobiernos interesados": {
        "responsible": ["México", "OIM", "Otros gobiernos interesados"],
    },
    "paises miembros y rrocm en coordinacion con la st": {
        "responsible": ["Países miembros", "RROCM"],
        "coordination": ["ST"],
    },
    "pais sede en coordinacion con la st": {
        "responsible": ["País sede"],
        "coordination": ["ST"],
    },
    "paises miembros en coordinacion con la st": {
        "responsible": ["Países miembros"],
        "coordination": ["ST"],
    },
}

COLUMN_HEADERS = {"objetivos", "actividades", "responsable", "calendario"}
CALENDAR_WORDS = ("continuo", "pendiente", "por definir")
SPANISH_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12,
}

# A numbered line: "9.3 Designar ...", "2.2.1. El Salvador", "12.3.1.1 2010".
NUM_LINE = re.compile(r"^((?:\d+\.)*\d+)\.?\s+(\S.*)$")
# The hierarchical number at the start of a line (at least one dot).
NUM_PREFIX = re.compile(r"^(?:\d+\.)+\d*\s*")
SECTION_LINE = re.compile(r"^([A-Z])\.\s+(\S.*)$")
BULLET = re.compile(r"^[-–•]\s+")
# "(Ref.: X)", "(Ref: X)", "(ref.: X)", "(Ref. X)"; group 1 is X.
REF = re.compile(r"\(\s*ref\b\.?\s*:?\s*([^)]*)\)", re.IGNORECASE)
NOTA = re.compile(r"\bNOTA\s*:", re.IGNORECASE)
LEADING_CALENDAR_WORD = re.compile(
    r"^(?:continuo|pendiente|por definir)(?:\.|\s*$)", re.IGNORECASE
)
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
END_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text):
    """NFKD, no accents, casefold, one space, straight quotes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def normalise_fragment(text):
    """normalise() and strip punctuation at both ends."""
    return END_PUNCT.sub("", normalise(text))


# --- Loading -----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def seed_lines():
    return SEED_PATH.read_text(encoding="utf-8").splitlines()


@functools.lru_cache(maxsize=None)
def split_seed():
    """(active lines, historical lines); the latter start with the area line."""
    lines = seed_lines()
    for i, line in enumerate(lines):
        if re.match(r"^I\.\s+\S", line.strip()):
            return lines[:i], lines[i:]
    raise AssertionError("seed: historical part ('I. POLÍTICAS ...') not found")


@functools.lru_cache(maxsize=None)
def parse_active():
    """Objectives, activities, responsible and calendar cells of the active plan."""
    active, _ = split_seed()
    objectives = []  # [(id, title)]
    activities = []  # [id] in document order
    activity_text = {}
    responsible = {}  # activity id -> wording
    calendars = {}  # activity id -> wording
    seen_three_level = set()
    slips_used = set()
    for raw in active:
        m = NUM_LINE.match(raw.strip())
        if not m:
            continue
        num, rest = m.groups()
        depth = num.count(".") + 1
        if depth == 1:
            objectives.append((num, rest))
        elif depth == 2:
            activities.append(num)
            activity_text[num] = rest
        elif depth == 3 and num in seen_three_level:
            # A calendar numbered like its responsible line: must be a known slip.
            assert num in CALENDAR_NUMBER_SLIPS, f"seed: unexpected repeated number {num}"
            calendars[CALENDAR_NUMBER_SLIPS[num]] = rest
            slips_used.add(num)
        elif depth == 3:
            seen_three_level.add(num)
            if num in RESPONSIBLE_NUMBER_SLIPS:
                slips_used.add(num)
            responsible[RESPONSIBLE_NUMBER_SLIPS.get(num, num.rsplit(".", 1)[0])] = rest
        elif depth == 4:
            if num in CALENDAR_NUMBER_SLIPS:
                slips_used.add(num)
                act = CALENDAR_NUMBER_SLIPS[num]
            else:
                act = ".".join(num.split(".")[:2])
            assert act not in calendars, f"seed: two calendars for {act}"
            calendars[act] = rest
    expected_slips = set(CALENDAR_NUMBER_SLIPS) | set(RESPONSIBLE_NUMBER_SLIPS)
    assert slips_used == expected_slips, (
        f"seed: numbering slips found {sorted(slips_used)}, expected {sorted(expected_slips)}"
    )
    return {
        "objectives": objectives,
        "activities": activities,
        "activity_text": activity_text,
        "responsible": responsible,
        "calendars": calendars,
    }


@functools.lru_cache(maxsize=None)
def parse_history():
    """{historical activity id: number of outcome lines}, in document order."""
    _, history = split_seed()
    area = re.match(r"^([IVX]+)\.", history[0].strip()).group(1)
    section = None
    outcomes = {}
    for raw in history[1:]:
        line = raw.strip()
        sec = SECTION_LINE.match(line)
        if sec:
            section = sec.group(1)
            continue
        m = NUM_LINE.match(line)
        if not m:
            continue
        num = m.group(1)
        depth = num.count(".") + 1
        if depth == 2:
            outcomes[f"{area}.{section}.{num}"] = 0
        elif depth == 3:
            act = f"{area}.{section}.{num.rsplit('.', 1)[0]}"
            assert act in outcomes, f"seed: outcome {num} without activity ({act})"
            outcomes[act] += 1
    return outcomes


@functools.lru_cache(maxsize=None)
def workplan():
    return YAML(typ="safe").load(WORKPLAN_PATH.read_text(encoding="utf-8"))


def string_values(node):
    """Every string value of the YAML document (keys excluded)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from string_values(value)
    elif isinstance(node, list):
        for value in node:
            yield from string_values(value)


def yaml_refs(node):
    """Every `ref` value plus every inline "(Ref.: X)" of any string value."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "ref":
                yield from ([value] if isinstance(value, str) else value)
            else:
                yield from yaml_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from yaml_refs(value)
    elif isinstance(node, str):
        yield from REF.findall(node)


def yaml_activities():
    return {a["id"]: a for o in workplan()["objectives"] for a in o["activities"]}


def calendar_expectation(cell):
    """(status, due) for a CALENDARIO cell of the seed."""
    text = normalise_fragment(REF.sub("", cell))
    for word in CALENDAR_WORDS:
        if text.startswith(word):
            return word, None
    m = re.fullmatch(r"(?:(\w+) )?(\d{4})", text)
    assert m, f"seed: unrecognised calendar {cell!r}"
    month, year = m.groups()
    if month:
        return "programado", f"{year}-{SPANISH_MONTHS[month]:02d}"
    return "programado", year


# --- Tests -------------------------------------------------------------------

def test_every_active_activity_id_is_transcribed():
    seed_ids = parse_active()["activities"]
    assert len(seed_ids) == EXPECTED_ACTIVE_ACTIVITY_COUNT, (
        f"parsed {len(seed_ids)} activity ids from the seed, expected "
        f"{EXPECTED_ACTIVE_ACTIVITY_COUNT}: {seed_ids}"
    )
    yaml_ids = [a["id"] for o in workplan()["objectives"] for a in o["activities"]]
    not_strings = [i for i in yaml_ids if not isinstance(i, str)]
    assert not not_strings, f"activity ids that are not strings (quote them): {not_strings}"
    duplicates = [i for i, n in collections.Counter(yaml_ids).items() if n > 1]
    assert not duplicates, f"duplicated activity ids in workplan.yaml: {duplicates}"
    missing = [i for i in seed_ids if i not in yaml_ids]
    assert not missing, f"activities of the seed missing from workplan.yaml: {missing}"
    extra = [i for i in yaml_ids if i not in seed_ids]
    assert not extra, f"activity ids in workplan.yaml that are not in the seed: {extra}"


def test_objective_ids_and_titles():
    seed_objectives = parse_active()["objectives"]
    assert len(seed_objectives) == EXPECTED_OBJECTIVE_COUNT, (
        f"parsed {len(seed_objectives)} objectives from the seed: {seed_objectives}"
    )
    yaml_objectives = workplan()["objectives"]
    yaml_ids = [o["id"] for o in yaml_objectives]
    assert yaml_ids == [i for i, _ in seed_objectives], (
        f"objective ids differ: seed {[i for i, _ in seed_objectives]}, yaml {yaml_ids}"
    )
    yaml_titles = {normalise_fragment(o["title"]) for o in yaml_objectives}
    missing = [
        f"{i}. {title}"
        for i, title in seed_objectives
        if normalise_fragment(title) not in yaml_titles
    ]
    assert not missing, f"objective titles not found in workplan.yaml: {missing}"


def test_every_reference_is_present():
    seed_refs = collections.Counter(
        normalise_fragment(r) for r in REF.findall("\n".join(seed_lines()))
    )
    assert seed_refs, "no references parsed from the seed"
    found = collections.Counter(normalise_fragment(r) for r in yaml_refs(workplan()))
    missing = seed_refs - found
    assert not missing, (
        "references of the seed missing from workplan.yaml (value: times missing): "
        f"{dict(missing)}"
    )


def seed_fragments():
    """(fragment as in the seed, its line number or None) for every cell/line.

    Hierarchical numbers, section letters, bullets, column headers, bare
    calendar words and "NOTA:" are dropped; "(Ref...)" parts and "NOTA:" split
    a line into several fragments.
    """
    for raw in seed_lines():
        line = raw.strip()
        if not line or normalise(line) in COLUMN_HEADERS:
            continue
        line = BULLET.sub("", line)
        m = NUM_LINE.match(line)
        number = m.group(1) if m and NUM_PREFIX.match(line) else None
        line = NUM_PREFIX.sub("", line)
        line = re.sub(r"^[A-Z]\.\s+", "", line)  # area / section letter
        line = LEADING_CALENDAR_WORD.sub("", line.strip())
        for piece in NOTA.split(REF.sub("\n", line)):
            for part in piece.split("\n"):
                if part.strip():
                    yield part.strip(), number


def check_split_fragment(fragment, number, data):
    """Problems with the structured fields that replace a SPLIT_FRAGMENTS entry."""
    if number is None:
        target, where = data["document"], "document"
    else:
        act = RESPONSIBLE_NUMBER_SLIPS.get(number, ".".join(number.split(".")[:2]))
        target, where = yaml_activities().get(act, {}), f"activity {act}"

    def norm(value):
        return [normalise(v) for v in value] if isinstance(value, list) else normalise(str(value))

    return [
        f"{where}: {key} is {target.get(key)!r}, expected {expected!r}"
        for key, expected in SPLIT_FRAGMENTS[fragment].items()
        if norm(target.get(key)) != norm(expected)
    ]


def test_every_distinctive_fragment_is_present():
    data = workplan()
    corpus = "\n".join(normalise(s) for s in string_values(data))
    missing, split_problems, splits_used = [], [], set()
    for text, number in seed_fragments():
        fragment = normalise_fragment(text)
        if len(fragment.split()) < 4 or fragment in corpus:
            continue
        if fragment in SPLIT_FRAGMENTS:
            splits_used.add(fragment)
            problems = check_split_fragment(fragment, number, data)
            split_problems += [f"{p} (seed: {text!r})" for p in problems]
        else:
            missing.append(text)
    assert not missing, "seed fragments not found in workplan.yaml:\n" + "\n".join(missing)
    assert not split_problems, (
        "split seed wording not transcribed as expected:\n" + "\n".join(split_problems)
    )
    unused = set(SPLIT_FRAGMENTS) - splits_used
    assert not unused, (
        f"stale SPLIT_FRAGMENTS entries (found verbatim, or gone from the seed): {sorted(unused)}"
    )


def test_history_activities_and_outcome_counts():
    seed_outcomes = parse_history()
    assert list(seed_outcomes) == EXPECTED_HISTORY_ACTIVITY_IDS, (
        f"historical activity ids parsed from the seed: {list(seed_outcomes)}"
    )
    yaml_history = {
        a["id"]: a for o in workplan().get("history") or [] for a in o["activities"]
    }
    missing = [i for i in seed_outcomes if i not in yaml_history]
    assert not missing, f"historical activities missing from workplan.yaml: {missing}"
    wrong = [
        f"{i}: seed {n}, yaml {len(yaml_history[i].get('outcomes') or [])}"
        for i, n in seed_outcomes.items()
        if len(yaml_history[i].get("outcomes") or []) != n
    ]
    assert not wrong, f"number of outcomes differs: {wrong}"
    # The seed's historical part has no CALENDARIO column: no status is written (issue 16).
    with_status = [i for i, a in yaml_history.items() if "status" in a]
    assert not with_status, f"historical activities with a status the seed does not give: {with_status}"


def test_calendars_match_status_and_due():
    parsed = parse_active()
    activities = yaml_activities()
    problems = []
    for act in parsed["activities"]:
        if act in ACTIVITIES_WITHOUT_CALENDAR:
            assert act not in parsed["calendars"], f"seed: {act} now has a calendar line"
            expected_status, expected_due = ACTIVITIES_WITHOUT_CALENDAR[act], None
            cell = parsed["activity_text"][act]
        else:
            cell = parsed["calendars"].get(act)
            if cell is None:
                problems.append(f"{act}: no calendar line parsed from the seed")
                continue
            expected_status, expected_due = calendar_expectation(cell)
        activity = activities.get(act)
        if activity is None:
            problems.append(f"{act}: missing from workplan.yaml")
            continue
        status, due = activity.get("status"), activity.get("due")
        if status != expected_status:
            problems.append(
                f"{act}: status {status!r}, seed calendar {cell!r} -> {expected_status!r}"
            )
        if expected_due is not None and str(due) != expected_due:
            problems.append(f"{act}: due {due!r}, seed calendar {cell!r} -> {expected_due!r}")
        if expected_due is None and due is not None:
            problems.append(f"{act}: due {due!r} but seed calendar {cell!r} has no date")
    assert not problems, "calendar mismatches:\n" + "\n".join(problems)
