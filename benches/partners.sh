#!/usr/bin/env bash
# The partners' update round at scale, on a 10,000-task plan of 200
# agencies (genplan): `plan requests` for every lead agency, and `plan apply`
# of 1,000 filled rows against 1,000 separate `plan set` calls making the
# same edits. Writes its table into benches/results.md (between the
# partners markers) and prints it.
#
#   bash benches/partners.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null 2>&1 || {
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
}
target=${CARGO_TARGET_DIR:-target}
cargo build --release --quiet --bin plan --example genplan
plan=$target/release/plan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$target/release/examples/genplan" --tasks 10000 --out "$work/p10k" 2>/dev/null
as_of=$(date +%F)
agencies=$("$plan" --dir "$work/p10k" --as-of "$as_of" requests -o "$work/req" | cut -d' ' -f1)

# 1,000 rows of open tasks, as a returned CSV (no signature: --agency says
# whose; no fingerprint column: --force takes the rows; --any-lead since
# the rows come from every agency).
agency=$(ls "$work/req" | sed -n 's/\.xlsx$//p' | head -1)
"$plan" --dir "$work/p10k" --as-of "$as_of" export --format csv -o "$work/all.csv"
python3 - "$work/all.csv" "$work/rows.csv" "$work/set.sh" "$plan" "$work/p10k-set" "$as_of" <<'PY'
import csv, shlex, sys
src, rows, script, plan, plan_dir, as_of = sys.argv[1:]
tasks = [t for t in csv.DictReader(open(src, newline="", encoding="utf-8")) if t["rag"] != "blue"][:1000]
def unquote(text):
    return text[1:] if text.startswith("'") else text
with open(rows, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Id", "Current RAG", "Last note", "New RAG", "Progress note", "Done on"])
    for n, t in enumerate(tasks):
        w.writerow([t["id"], t["rag"], unquote(t["note"]), "amber", f"Progress report {n}", ""])
with open(script, "w") as f:
    for n, t in enumerate(tasks):
        f.write(f"{shlex.quote(plan)} --dir {plan_dir} --as-of {as_of} set {t['id']} --rag amber --note {shlex.quote(f'Progress report {n} (any, {as_of})')} >/dev/null\n")
PY

hyperfine --time-unit millisecond --warmup 1 --runs 5 --export-markdown "$work/requests.md" \
    --prepare "rm -rf $work/req" \
    "$plan --dir $work/p10k --as-of $as_of requests -o $work/req"
hyperfine --time-unit millisecond --warmup 1 --runs 5 --export-markdown "$work/apply.md" \
    --prepare "rm -rf $work/p10k-apply && cp -r $work/p10k $work/p10k-apply" \
    "$plan --dir $work/p10k-apply --as-of $as_of apply $work/rows.csv --any-lead --agency $agency --force"
rm -rf "$work/p10k-set" && cp -r "$work/p10k" "$work/p10k-set"
start=$(date +%s.%N)
bash "$work/set.sh"
end=$(date +%s.%N)
set_ms=$(python3 -c "print(round(($end - $start) * 1000))")
changed=$(cd "$work" && diff -r p10k p10k-set | grep -c '^> note = ' || true)
applied=$("$plan" --dir "$work/p10k" --as-of "$as_of" apply "$work/rows.csv" --any-lead --agency "$agency" --force --dry-run | tail -1)

mean() { sed -n 's/^| `[^`]*` | \([0-9.]*\) ± \([0-9.]*\) .*/\1 ± \2/p' "$1"; }
table="<!-- partners -->
### The partners' update round (benches/partners.sh)

Run on $(date +%F): $(nproc) cores (load average $(cut -d' ' -f1-3 /proc/loadavg) at the end: other builds ran beside it), a 10,000-task plan of 200 agencies (genplan). \`plan apply\` said: $applied.

| what | time (ms) |
| --- | ---: |
| \`plan requests\`: $agencies agencies, a sheet and a draft each | $(mean "$work/requests.md") |
| \`plan apply\` of 1,000 filled rows (one CSV) | $(mean "$work/apply.md") |
| 1,000 separate \`plan set\` calls, the same edits ($changed notes changed) | $set_ms |
<!-- /partners -->"
python3 - benches/results.md "$table" <<'PY'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
pattern = re.compile(r"<!-- partners -->.*<!-- /partners -->", re.S)
text = pattern.sub(lambda _: table, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + table + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
echo "$table"
