#!/usr/bin/env bash
# Times `plan import` on a workbook of 10,000 task rows (ROWS=... to change):
# it reads the sheet, finds the header, splits the leads, writes the plan
# directory and checks it. The goal: under 2 s. Prints the timing; record it
# in benches/results.md.
#
#   bash benches/import.sh
#
# Needs python3 with openpyxl (pip install openpyxl) to make the workbook,
# and installs hyperfine from Debian's packages when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi
python3 -c 'import openpyxl' 2>/dev/null || pip install -q openpyxl

cargo build --release --quiet --bin plan
plan=${CARGO_TARGET_DIR:-$PWD/target}/release/plan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rows=${ROWS:-10000}

ROWS=$rows OUT="$work/plan.xlsx" python3 - <<'PY'
import datetime, os, random
import openpyxl
from openpyxl.styles import PatternFill
random.seed(1)
rows = int(os.environ["ROWS"])
leads = ["South Wales Police", "Probation", "Youth Offending Service", "CSP Manager",
         "Housing", "Public Health", "SWP / CSP Manager", "Police and Probation",
         "All partners", "TBC", "University Secretary and Director, Students"]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Plan"
ws.append(["Community Safety Action Plan 2013 – 2014"])
ws.append([])
ws.append(["Ref", "Objective", "Action", "Task", "Lead Officer", "Target date", "RAG", "Progress", "Risk"])
red = PatternFill("solid", fgColor="FF0000")
start = datetime.date(2013, 4, 1)
for i in range(rows):
    action = i // 5
    ws.append([
        f"{i // 100 + 1}.{action % 20 + 1}{'abcde'[i % 5]}",
        f"Objective {i // 100 + 1}" if i % 100 == 0 else None,
        f"Action {action + 1}: work with residents on the problems they raise" if i % 5 == 0 else None,
        f"Task {i + 1}: meet the partners, agree the next steps and report back to the board",
        random.choice(leads),
        start + datetime.timedelta(days=random.randrange(365)) if i % 3 else random.choice(["Ongoing", "Q3 2013-14", "6 months"]),
        random.choice(["G", "A", "R", "Complete", None]),
        "Progress reported in the quarter" if i % 4 == 0 else None,
        "Funding" if i % 7 == 0 else None,
    ])
    if i % 11 == 0:
        ws.cell(row=ws.max_row, column=7).value = None
        ws.cell(row=ws.max_row, column=7).fill = red
wb.save(os.environ["OUT"])
PY
ls -l "$work/plan.xlsx" >&2
"$plan" --as-of 2013-06-01 import "$work/plan.xlsx" --out "$work/out" | head -1
hyperfine --warmup 1 --runs 10 --prepare "rm -rf $work/out" \
    "$plan --as-of 2013-06-01 import $work/plan.xlsx --out $work/out"
