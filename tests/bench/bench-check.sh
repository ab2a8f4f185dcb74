#!/usr/bin/env bash
# Compares `annorev check` throughput and memory with a plain read of the same generated batch.
#
# Usage: tests/bench/bench-check.sh [BUILD_DIR] [DOCUMENT_COUNT]
#   BUILD_DIR       a configured and built tree (default build/release)
#   DOCUMENT_COUNT  documents to generate (default 100000, about 150 MB)
# The batch goes to a temporary folder ($TMPDIR, else /tmp) and is removed afterwards.
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and awk

build_dir=${1:-build/release}
count=${2:-100000}
genbatch=$build_dir/tests/bench/annorev-genbatch
annorev=$build_dir/app/annorev
benchpipeline=$build_dir/tests/bench/annorev-benchpipeline
runs=3

die() {
    echo "bench-check: $*" >&2
    exit 1
}

[[ $count =~ ^[0-9]+$ ]] || die "the document count must be a number, not '$count'"
[[ -x $genbatch ]] || die "$genbatch not found: build it with 'cmake --build $build_dir --target annorev-genbatch'"
[[ -x $annorev ]] || die "$annorev not found: build it with 'cmake --build $build_dir --target annorev'"
[[ -x $benchpipeline ]] || die "$benchpipeline not found: build it with 'cmake --build $build_dir --target annorev-benchpipeline'"
# Peak RSS needs GNU time; the shell keyword cannot report it.
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: install it with 'sudo apt-get install time'"
/usr/bin/time -f '%e %M' true 2>/dev/null || die "/usr/bin/time is not GNU time: install it with 'sudo apt-get install time'"

work=$(mktemp -d "${TMPDIR:-/tmp}/annorev-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
batch=$work/batch.jsonl

echo "Generating $count documents (seed 42)..." >&2
"$genbatch" --seed 42 --count "$count" --out "$batch"
input_bytes=$(stat -c %s "$batch")

# cat of a hot file takes tens of milliseconds, below the 10 ms resolution of GNU time's %e,
# so it is timed with the shell's microsecond clock instead.
cat "$batch" >/dev/null
cat_best=
for ((i = 0; i < runs; ++i)); do
    start=$EPOCHREALTIME
    cat "$batch" >/dev/null
    end=$EPOCHREALTIME
    elapsed=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.6f", e - s }')
    cat_best=$(awk -v a="$elapsed" -v b="${cat_best:-$elapsed}" 'BEGIN { print (a < b ? a : b) }')
done

# Prints "best_wall_seconds peak_rss_kib" over $runs runs of `annorev check --format $2 --jobs $1`.
# `annorev check` exits 1 when it reports error findings, which a faulty batch has.
measure_check() {
    local jobs=$1 format=$2 best='' peak=0 status wall rss
    for ((i = 0; i < runs; ++i)); do
        status=0
        /usr/bin/time -f '%e %M' -o "$work/time" \
            "$annorev" check --format "$format" --jobs "$jobs" "$batch" >/dev/null 2>"$work/stderr" || status=$?
        if ((status != 0 && status != 1)); then
            echo "bench-check: 'annorev check --jobs $jobs' failed with exit status $status:" >&2
            tail -n 20 "$work/stderr" >&2
            tail -n 2 "$work/time" >&2
            exit 1
        fi
        read -r wall rss < <(tail -n 1 "$work/time")
        best=$(awk -v a="$wall" -v b="${best:-$wall}" 'BEGIN { print (a < b ? a : b) }')
        if ((rss > peak)); then
            peak=$rss
        fi
    done
    echo "$best $peak"
}

declare -A wall rss
for format in text jsonl; do
    for jobs in 1 2; do
        read -r "wall[$format$jobs]" "rss[$format$jobs]" <<<"$(measure_check "$jobs" "$format")"
    done
done

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }
rate() { awk -v b="$input_bytes" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", b / 1e6 / s; else print "n/a" }'; }
rss_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }'; }
ratio() { awk -v k="$1" -v b="$input_bytes" 'BEGIN { printf "%.2f", k * 1024 / b }'; }

echo
echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}"
echo "Input: $count documents, $(mb "$input_bytes") MB JSON Lines (seed 42); best of $runs runs, page cache hot"
echo
# shellcheck disable=SC2016 # the backticks are Markdown
print_table() {
    echo "| Command | Wall time (s) | Throughput (MB/s) | Peak RSS (MB) | RSS / input |"
    echo "|---|---:|---:|---:|---:|"
    printf '| `cat` | %.3f | %s | | |\n' "$cat_best" "$(rate "$cat_best")"
    for format in text jsonl; do
        for jobs in 1 2; do
            local key=$format$jobs
            printf '| `annorev check --format %s --jobs %s` | %.2f | %s | %s | %s |\n' "$format" "$jobs" \
                "${wall[$key]}" "$(rate "${wall[$key]}")" "$(rss_mb "${rss[$key]}")" "$(ratio "${rss[$key]}")"
        done
    done
}
print_table

echo
echo "Reading, parsing, normalising and checking in one process, without printing (annorev-benchpipeline):"
echo
"$benchpipeline" --runs "$runs" "$batch"

echo
echo "Each stage apart on one thread, output formatting included (annorev-benchpipeline --stages):"
echo
"$benchpipeline" --stages --runs "$runs" "$batch"
