"""Synthetic work plans in the real format, for benchmarks.

    python bench/generate.py --activities 10000 --seed 1 -o /tmp/plan-10k.yaml
    python bench/generate.py --activities 1000 --comments 5 -o /tmp/plan-1k-comments.yaml

The plan has the shipped plan's proportions: about three activities per objective,
texts of the same length built from the plan's own vocabulary, references in the
secretariat's notation, actors and groups, every status, comments and blank lines,
and a historical part about a third of the size. With --comments K, every activity also
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
"""


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
             comments: Comments) -> list[str]:
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
        lines.append(f"        due: {rng.randint(2010, 2030)}-{rng.randint(1, 12):02d}")
    if rng.random() < 0.1:
        lines.append(f"        status_note: {sentence(rng, 4, 9)}")
    return lines


def objectives(rng: random.Random, count: int, sections: list[str], history: bool,
               comments: Comments) -> list[str]:
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
            lines += activity(rng, f"{oid}.{index}", status, history, comments)
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
    )
    notes = Comments(comments, seed)
    active = objectives(rng, count, section_ids, history=False, comments=notes)
    past = objectives(rng, max(1, count // 3), section_ids, history=True, comments=notes)
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
