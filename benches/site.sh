#!/usr/bin/env bash
# Times `plan site` on a plan of 10,000 tasks (100 cards, 200 agencies, from
# genplan): into a new directory, and replacing the site written before (the
# usual republish). The budget is 2 s. Replaces the `plan site` section of
# benches/results.md with the figures.
#
#   bash benches/site.sh            # TASKS=100000 for another size
#
# It installs hyperfine from Debian's packages when it is missing, and
# builds plan in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v hyperfine >/dev/null 2>&1; then
    echo "installing hyperfine ..." >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
fi

cargo build --release --quiet --bin plan --example genplan
target=${CARGO_TARGET_DIR:-target}
plan=$target/release/plan
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tasks=${TASKS:-10000}

"$target/release/examples/genplan" --tasks "$tasks" --out "$work/plan" 2>/dev/null
site="$plan --dir $work/plan --as-of 2012-12-01 site"
"$plan" --dir "$work/plan" --as-of 2012-12-01 site -o "$work/again" >/dev/null
hyperfine -N --output null --style none --warmup 1 --runs 10 --export-json "$work/site.json" \
    --prepare "rm -rf $work/new" -n "plan site (new directory)" "$site -o $work/new" \
    -n "plan site (replacing a site)" "$site -o $work/again" >&2
pages=$(find "$work/again" -name '*.html' | wc -l)
size=$(du -sm "$work/again" | cut -f1)

python3 - "$work/site.json" "$tasks" "$pages" "$size" <<'PY' > "$work/section.md"
import json, sys, datetime, os
results = json.load(open(sys.argv[1]))["results"]
tasks, pages, size = int(sys.argv[2]), sys.argv[3], sys.argv[4]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print("## `plan site`")
print()
print(f"Run on {datetime.date.today()} with `bash benches/site.sh`: {os.cpu_count()} cores ({cpu}), "
      f"load average {os.getloadavg()[0]:.1f} at the end. A plan of {tasks:,} tasks (genplan) "
      f"gives {pages} pages and {size} MiB with tasks.csv and plan.ics; the budget is 2 s.")
print()
print("| command | mean (ms) | ± (ms) | min (ms) | max (ms) |")
print("| --- | ---: | ---: | ---: | ---: |")
for r in results:
    print(f"| {r['command']} | {r['mean']*1000:.0f} | {(r['stddev'] or 0)*1000:.0f} | "
          f"{r['min']*1000:.0f} | {r['max']*1000:.0f} |")
PY
cat "$work/section.md"
# Keep what comes before the section; the section goes last.
results=benches/results.md
if grep -q '^## `plan site`' "$results" 2>/dev/null; then
    sed -i '/^## `plan site`/,$d' "$results"
fi
[ -s "$results" ] && [ -n "$(tail -c1 "$results")" ] && echo >> "$results"
[ -s "$results" ] && echo >> "$results"
cat "$work/section.md" >> "$results"
