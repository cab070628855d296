"""Synthetic work plans in the real format, for benchmarks.

    python bench/generate.py --activities 10000 --seed 1 -o /tmp/plan-10k.yaml
    python bench/generate.py --activities 1000 --comments 5 -o /tmp/plan-1k-comments.yaml

The plan has the shipped plan's proportions: about three activities per objective,
texts of the same length built from the plan's own vocabulary, references in the
secretariat's notation, actors and groups, every status, comments and blank lines,
a calendar of meetings (every meeting the references name, two a year to 2030 and one
not dated yet), some activities due at a meeting or at each GRCM, and a historical part
about a third of the size. With --comments K, every activity also
has K comment lines above it and one inside it, to show that the time of a command
does not depend on how much is commented. The same seed gives the same bytes; the
output validates with no problems.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

WORDS = (
    "actualizar compartir información sobre la trata de personas y el tráfico ilícito de "
    "migrantes entre los países miembros de la red con apoyo de la secretaría técnica para "
    "fortalecer la protección de las víctimas niños niñas y adolescentes mediante talleres "
    "campañas de información lineamientos regionales protocolos nacionales y estadísticas "
    "sobre documentos de viaje fraudulentos en coordinación con organismos internacionales"
).split()
COUNTRIES = ["Belice", "Canadá", "Costa Rica", "El Salvador", "Estados Unidos", "Guatemala",
             "Honduras", "México", "Nicaragua", "Panamá", "República Dominicana"]
KINDS = ["Deci.", "Decla.", "Concl.", "CC", "Inf. Red Trata"]
MONTHS = ["enero", "marzo", "abril", "mayo", "octubre", "noviembre", "diciembre"]
# Shares of the shipped plan: 26 continuo, 8 por definir, 4 pendiente, 2 programado of 40.
STATUSES = ["continuo"] * 26 + ["por definir"] * 8 + ["pendiente"] * 4 + ["programado"] * 2
RESPONSIBLE = (["[Países miembros]"] * 20 + ["[ST]", "[OIM]", "[Países miembros, OIM]",
                                              "[México, OIM]", "[País sede]", "[El Salvador]"])

HEADER = """\
# Plan sintético para medir crmplan (bench/generate.py --activities {n} --seed {seed}).
# Synthetic plan to benchmark crmplan.

document:
  organization: Conferencia Regional sobre Migración (CRM)
  title: Plan de trabajo sintético
  network: Red de Funcionarios de Enlace
  updated: 2009-11-26
  updated_by: ST

actors:
  ST: Secretaría Técnica de la CRM
  OIM: Organización Internacional para las Migraciones
  País sede: País anfitrión de la actividad
{countries}
  Países miembros:
    name: Países miembros de la CRM
    members: [{members}]

areas:
  I: Políticas y gestión migratoria

sections:
{sections}

meetings:
{meetings}
"""
FIRST_YEAR, LAST_YEAR = 1996, 2030  # references cite 1996-2009; due dates reach 2030
MONTH_NUMBERS = {"enero": 1, "marzo": 3, "abril": 4, "mayo": 5, "octubre": 10, "noviembre": 11,
                 "diciembre": 12}


def calendar() -> str:
    """Every meeting a reference may name, then CRM in May and GRCM in November to 2030 (the
    network the day before each GRCM), and one meeting not dated yet."""
    lines = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        months = MONTH_NUMBERS.values() if year < 2010 else (5, 11)
        for month in sorted(months):
            for body in ("CRM", "GRCM"):
                if year >= 2010 and (body == "CRM") != (month == 5):
                    continue
                lines.append(f"  - id: {body}-{year}-{month:02d}\n    body: {body}\n"
                             f"    date: {year}-{month:02d}")
    lines.append("  - id: CRM-XX\n    body: CRM\n    name: XX RCM\n    date: por definir")
    return "\n".join(lines)


class Ties:
    """Deadlines tied to meetings, drawn from their own random numbers so that the rest of the
    plan is the same with them as without them."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(-seed - 2)

    def due(self, written: str) -> str:
        """`due: 2014-05`, or a third of the time the meeting of that year: `due_at: ...`."""
        year = int(written[:4])
        if self.rng.random() < 0.3:
            body, month = self.rng.choice([("CRM", 5), ("GRCM", 11)])
            return f"        due_at: {body}-{year}-{month:02d}"
        if self.rng.random() < 0.05:
            return "        due_at: CRM-XX"
        return f"        due: {written}"

    def recurring(self, status: str) -> list[str]:
        if status != "continuo" or self.rng.random() >= 0.1:
            return []
        if self.rng.random() < 0.3:
            return ["        due_each: [GRCM]", "        days_before: 1"]
        return ["        due_each: [GRCM, CRM]"]


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def reference(rng: random.Random) -> str:
    return (f"p. {rng.randint(1, 20)}, {rng.choice(['CRM', 'GRCM'])}, {rng.choice(KINDS)}, "
            f"{rng.choice(MONTHS)}, {rng.randint(1996, 2009)}")


class Comments:
    """K comment lines above every activity and one inside it; their own random numbers, so
    that the plan with comments is the plan without them, line for line, plus comments."""

    def __init__(self, count: int, seed: int) -> None:
        self.count, self.rng = count, random.Random(-seed - 1)

    def above(self) -> list[str]:
        return [f"      # {sentence(self.rng, 6, 14)}" for _ in range(self.count)]

    def inside(self) -> list[str]:
        return [f"        # {sentence(self.rng, 4, 9)}"] if self.count else []


def activity(rng: random.Random, activity_id: str, status: str, history: bool,
             comments: Comments, ties: Ties) -> list[str]:
    lines = [*comments.above(), f'      - id: "{activity_id}"',
             f"        text: {sentence(rng, 6, 14)}", *comments.inside()]
    if rng.random() < 0.9:
        lines.append(f"        ref: {reference(rng)}")
    if history:
        lines.append("        status: completado")
        lines.append("        outcomes:")
        lines.append(f"          - text: {sentence(rng, 4, 9)}")
        return lines
    lines.append(f"        responsible: {rng.choice(RESPONSIBLE)}")
    if rng.random() < 0.15:
        lines.append("        coordination: [ST]")
    lines.append(f"        status: {status}")
    if status == "programado":
        lines.append(ties.due(f"{rng.randint(2010, 2030)}-{rng.randint(1, 12):02d}"))
    lines += ties.recurring(status)
    if rng.random() < 0.1:
        lines.append(f"        status_note: {sentence(rng, 4, 9)}")
    return lines


def objectives(rng: random.Random, count: int, sections: list[str], history: bool,
               comments: Comments, ties: Ties) -> list[str]:
    lines: list[str] = []
    made, number = 0, 0
    while made < count:
        number += 1
        size = min(rng.choice([1, 2, 3, 3, 4, 6]), count - made)
        section = sections[(number - 1) * len(sections) // max(1, count // 3 + 1)
                           % len(sections)]
        oid = f"I.{section}.{number}" if history else str(number)
        if number % 10 == 0:
            lines.append(f"  # Objetivos desde el {number}.")
        lines += [f'  - id: "{oid}"', f"    section: {section}",
                  f"    title: {sentence(rng, 5, 12)}", "    activities:"]
        statuses = [rng.choice(STATUSES) for _ in range(size)]
        statuses[0] = "continuo"  # no objective is only 'por definir' (that is a warning)
        for index, status in enumerate(statuses, start=1):
            if rng.random() < 0.05:
                lines.append("      # Comentario del ST sobre esta actividad.")
            lines += activity(rng, f"{oid}.{index}", status, history, comments, ties)
        lines.append("")
        made += size
    return lines


def generate(count: int, seed: int, comments: int = 0) -> str:
    rng = random.Random(seed)
    section_ids = [chr(ord("A") + i) for i in range(min(26, max(3, count // 400)))]
    text = HEADER.format(
        n=count, seed=seed,
        countries="\n".join(f"  {c}: {c}" for c in COUNTRIES),
        members=", ".join(COUNTRIES),
        sections="\n".join(f"  {s}:\n    area: I\n    title: {sentence(rng, 3, 8)}"
                           for s in section_ids),
        meetings=calendar(),
    )
    notes, ties = Comments(comments, seed), Ties(seed)
    active = objectives(rng, count, section_ids, history=False, comments=notes, ties=ties)
    past = objectives(rng, max(1, count // 3), section_ids, history=True, comments=notes,
                      ties=ties)
    return text + "\nobjectives:\n" + "\n".join(active) + "\nhistory:\n" + "\n".join(past)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--comments", type=int, default=0,
                        help="comment lines above every activity (and one inside it)")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    text = generate(args.activities, args.seed, args.comments)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
