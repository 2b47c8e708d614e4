#!/usr/bin/env bash
# Times `plan` side by side with Taskwarrior and with the parse floor, in one
# run on one machine, for plans of 1k, 10k and 100k tasks; prints ratios and
# peak memory, and writes the table to benches/results.md.
#
#   bash benches/compare.sh            # SIZES="1000 10000" to choose sizes
#   BASELINE=47daac7 bash benches/compare.sh
#
# With BASELINE (a commit), that commit's plan is built too (in a worktree
# under target/, kept for the next run) and timed in the same runs as this
# one, so the table gains this build ÷ the baseline for each figure: days
# differ on a shared machine, so only a side-by-side ratio says "no worse".
#
# It installs what it needs (hyperfine, Taskwarrior, GNU time) from Debian's
# packages when they are missing, and builds plan in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { # command package
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "installing $2 ..." >&2
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    fi
}
need hyperfine hyperfine
need task taskwarrior
[ -x /usr/bin/time ] || need /usr/bin/time time
need python3 python3

cargo build --release --quiet --bin plan --example genplan --example parse_floor
plan=$PWD/target/release/plan
base=""
if [ -n "${BASELINE:-}" ]; then
    rev=$(git rev-parse --short "$BASELINE")
    tree=$PWD/target/baseline/$rev
    [ -d "$tree" ] || git worktree add --detach "$tree" "$rev" >/dev/null
    echo "building the baseline $rev ..." >&2
    (cd "$tree" && CARGO_TARGET_DIR=$PWD/../../baseline-target cargo build --release --quiet --bin plan)
    base=$PWD/target/baseline-target/release/plan
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=${SIZES:-"1000 10000 100000"}

for n in $sizes; do
    echo "== $n tasks" >&2
    target/release/examples/genplan --tasks "$n" --out "$work/p$n" --taskwarrior "$work/tw$n.json" 2>/dev/null
    # Taskwarrior keeps its tasks in its own store: import them once (not timed).
    mkdir -p "$work/tw$n"
    printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=off\n' "$work/tw$n" > "$work/tw$n.rc"
    TASKDATA="$work/tw$n" TASKRC="$work/tw$n.rc" task import "$work/tw$n.json" >/dev/null 2>&1
    runs=$([ "$n" -ge 100000 ] && echo 5 || echo 15)
    # A ratio of two wants more runs than a figure alone.
    [ -n "$base" ] && runs=$([ "$n" -ge 100000 ] && echo 10 || echo 40)
    # Both tools answer "what is overdue" as of today (Taskwarrior knows no other day).
    export TASKDATA=$work/tw$n TASKRC=$work/tw$n.rc
    dir="--dir $work/p$n"
    declare -A commands=(
        ["plan check"]="$plan $dir check --format short"
        ["plan overdue"]="$plan $dir overdue"
        ["plan rag"]="$plan $dir rag"
        ["plan agency"]="$plan $dir agency A001"
        ["task overdue"]="task overdue"
        ["parse floor"]="target/release/examples/parse_floor $work/p$n"
    )
    names=("plan check" "plan overdue" "plan rag" "plan agency" "task overdue" "parse floor")
    if [ -n "$base" ]; then
        commands["baseline check"]="$base $dir check --format short"
        commands["baseline overdue"]="$base $dir overdue"
        commands["baseline rag"]="$base $dir rag"
        commands["baseline agency"]="$base $dir agency A001"
        # Each pair side by side in time: the machine's speed drifts.
        names=("plan check" "baseline check" "plan overdue" "baseline overdue" "plan rag" "baseline rag"
            "plan agency" "baseline agency" "task overdue" "parse floor")
    fi
    args=()
    for name in "${names[@]}"; do
        args+=(-n "$name" "${commands[$name]}")
        # Peak memory (maximum resident set size): the median of three runs
        # (with two threads at work it differs from run to run).
        for _ in 1 2 3; do
            # shellcheck disable=SC2086
            kb=$( { /usr/bin/time -f %M ${commands[$name]} > /dev/null; } 2>&1 | tail -1)
            echo "$n,$name,$kb" >> "$work/memory.csv"
        done
    done
    # -N: no shell between hyperfine and the command; output thrown away.
    hyperfine -N --output null --style none --warmup 2 --runs "$runs" --export-json "$work/h$n.json" "${args[@]}" >&2
done

# The bundled plan: plan overdue against plan --version (process start alone).
hyperfine -N --output null --style none --warmup 5 --runs 200 --export-json "$work/bundled.json" \
    -n "plan --version" "$plan --version" \
    -n "plan overdue (bundled plan)" "$plan --as-of 2012-12-01 overdue" >&2

python3 - "$work" "$sizes" "${rev:-}" <<'PY' | tee benches/results.md
import json, sys, platform, datetime, os, subprocess
work, sizes, baseline = sys.argv[1], [int(s) for s in sys.argv[2].split()], sys.argv[3]
import statistics
runs = {}
for line in open(f"{work}/memory.csv"):
    n, name, kb = line.strip().split(",")
    runs.setdefault((int(n), name), []).append(int(kb) / 1024)
memory = {key: statistics.median(kbs) for key, kbs in runs.items()}
means, medians = {}, {}
for n in sizes:
    for r in json.load(open(f"{work}/h{n}.json"))["results"]:
        means[(n, r["command"])] = (r["mean"], r["stddev"] or 0.0)
        medians[(n, r["command"])] = r["median"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
memory_gib = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
taskwarrior = subprocess.run(["task", "--version"], capture_output=True, text=True).stdout.strip()
print(f"Run on {datetime.date.today()}: {os.cpu_count()} cores ({cpu}), {memory_gib} GiB, Taskwarrior {taskwarrior}.")
print("`parse floor` reads the same files and parses each into a `toml::Table`, on one thread.")
print()
print("| tasks | command | mean (ms) | ± (ms) | peak memory (MiB) | ÷ parse floor | task overdue ÷ this |")
print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
for n in sizes:
    floor = means[(n, "parse floor")][0]
    task = means[(n, "task overdue")][0]
    for name in ["plan check", "plan overdue", "plan rag", "plan agency", "task overdue", "parse floor"]:
        mean, sd = means[(n, name)]
        print(f"| {n:,} | {name} | {mean*1000:.1f} | {sd*1000:.1f} | {memory[(n, name)]:.0f} | "
              f"{mean/floor:.2f} | {task/mean:.1f} |")
if 10000 in sizes and 100000 in sizes:
    print()
    print("Growth from 10k to 100k tasks (time at 100k ÷ time at 10k; linear is 10): " + ", ".join(
        f"{name} {means[(100000, name)][0] / means[(10000, name)][0]:.1f}"
        for name in ["plan check", "plan overdue", "plan rag", "plan agency"]))
bundled = {r["command"]: r["mean"] for r in json.load(open(f"{work}/bundled.json"))["results"]}
print()
print(f"The bundled plan (67 tasks): `plan overdue` {bundled['plan overdue (bundled plan)']*1000:.2f} ms, "
      f"`plan --version` {bundled['plan --version']*1000:.2f} ms: "
      f"{(bundled['plan overdue (bundled plan)'] - bundled['plan --version'])*1000:.2f} ms more.")
if baseline:
    print()
    print(f"Side by side with the baseline {baseline}, each pair run one after the other "
          "(medians; this build ÷ the baseline, over 1.10 is more than 10% worse):")
    print()
    print("| tasks | command | baseline (ms) | this (ms) | time ratio | baseline (MiB) | this (MiB) | memory ratio |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in sizes:
        for what in ["check", "overdue", "rag", "agency"]:
            b, t = medians[(n, f"baseline {what}")], medians[(n, f"plan {what}")]
            bm, tm = memory[(n, f"baseline {what}")], memory[(n, f"plan {what}")]
            print(f"| {n:,} | plan {what} | {b*1000:.1f} | {t*1000:.1f} | {t/b:.2f} | {bm:.0f} | {tm:.0f} | {tm/bm:.2f} |")
PY
