#!/usr/bin/env bash
# Times every step of reviewing one large generated batch (issue 13: a million documents), from the
# first check to the exports, with wall time and peak memory beside `cat` of the same file.
#
# Usage: tests/bench/bench-scale.sh [BUILD_DIR] [DOCUMENT_COUNT]
#   BUILD_DIR       a configured and built tree (default build/release)
#   DOCUMENT_COUNT  documents to generate (default 1000000, about 1.5 GB; the store is about 4.6 times that,
#                   and the run took 45 minutes on 2 busy vCPUs, 30 of them approving every document)
# The batches and the store go to a temporary folder ($TMPDIR, else /tmp) and are removed afterwards.
# Each step runs once: the steps change the store, and a million documents take minutes.
# shellcheck disable=SC2016 # the backticks in the steps' names are Markdown
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME and awk

build_dir=${1:-build/release}
count=${2:-1000000}
genbatch=$build_dir/tests/bench/annorev-genbatch
annorev=$build_dir/app/annorev
benchwindow=$build_dir/tests/bench/annorev-benchwindow

die() {
    echo "bench-scale: $*" >&2
    exit 1
}

if ! [[ $count =~ ^[0-9]+$ ]] || ((count < 10)); then
    die "the document count must be a number of at least 10, not '$count'"
fi
for binary in "$genbatch" "$annorev" "$benchwindow"; do
    [[ -x $binary ]] || die "$binary not found: build it with 'cmake --build $build_dir --target $(basename "$binary")'"
done
# Peak RSS needs GNU time; the shell keyword cannot report it.
[[ -x /usr/bin/time ]] || die "/usr/bin/time (GNU time) is missing: install it with 'sudo apt-get install time'"
/usr/bin/time -f '%e %M' true 2>/dev/null ||
    die "/usr/bin/time is not GNU time: install it with 'sudo apt-get install time'"

work=$(mktemp -d "${TMPDIR:-/tmp}/annorev-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
batch=$work/batch.jsonl
other=$work/other.jsonl
store=$batch.annorev.sqlite
# The commands' settings (the reviewer's name) and the window's stay out of the user's.
export XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen
reviewer=(--reviewer bench)

echo "Generating $count documents (seed 42)..." >&2
"$genbatch" --seed 42 --count "$count" --out "$batch"
batch_bytes=$(stat -c %s "$batch")
ids() { awk -v n="$count" -v step="$1" 'BEGIN { for (i = 1; i <= n; i += step) printf "doc-%06d\n", i }'; }

# cat of a hot file: best of three on the shell's microsecond clock (GNU time's %e has 10 ms steps).
cat "$batch" >/dev/null
cat_best=
for ((i = 0; i < 3; ++i)); do
    start=$EPOCHREALTIME
    cat "$batch" >/dev/null
    end=$EPOCHREALTIME
    cat_best=$(awk -v s="$start" -v e="$end" -v b="${cat_best:-1e9}" 'BEGIN { t = e - s; print (t < b ? t : b) }')
done

# One row per step: name, wall seconds, peak RSS in KiB, store bytes, any of the last three empty.
# The fields are joined by the unit separator: a tab is white space, and read merges empty fields.
sep=$'\x1f'
rows=()
# Each row is also shown as it is measured: a million documents take a while, and a step that
# fails (compare of a million documents needs gigabytes) leaves the figures before it.
add_row() {
    rows+=("$1$sep$2$sep$3$sep${4:-}")
    echo "    ${2:+$2 s}${3:+, $3 KiB peak}${4:+$4 bytes}" >&2
}

# Runs a command under GNU time and adds its row. Exit status 1 is what `check` returns for
# error findings, which a generated batch has; anything else stops the benchmark.
timed() {
    local name=$1 status=0 wall rss
    shift
    echo "  $name" >&2
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
    if ((status != 0 && status != 1)); then
        echo "bench-scale: '$*' failed with exit status $status:" >&2
        tail -n 20 "$work/stderr" >&2
        tail -n 2 "$work/time" >&2
        exit 1
    fi
    read -r wall rss < <(tail -n 1 "$work/time")
    add_row "$name" "$wall" "$rss"
}

store_bytes() { du -cb "$store"* | awk 'END { print $1 }'; }

# Other work on the machine shows in every figure: the load averages say how much there was.
load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
echo "Timing (one run each):" >&2
timed '`annorev check --format text`' "$annorev" check --format text "$batch"
timed 'first import: `annorev status` on a new store' "$annorev" status "${reviewer[@]}" "$batch"
add_row 'store size (the database and its -wal)' '' '' "$(store_bytes)"
timed '`annorev mark` of one id (store made, batch unchanged)' \
    "$annorev" mark "${reviewer[@]}" --status needs-work "$batch" doc-000002
timed '`annorev status` on the existing store' "$annorev" status "${reviewer[@]}" "$batch"

# The window reports its own figures: the time from start to a usable list, the peak RSS then,
# and the median of each search of the plain texts (including the 300 ms typing pause): a word
# 40% of the generated documents hold, a rare one, and two words whose every hit is read.
echo "  annorev-benchwindow --batch" >&2
if ! "$benchwindow" --batch "$batch" --repeat 9 --search GPU --search Helix --search "A100 GPUs" \
    >"$work/window" 2>"$work/stderr"; then
    tail -n 20 "$work/stderr" "$work/window" >&2
    die "annorev-benchwindow --batch failed"
fi
list_ms=$(sed -n 's/^usable list:.* \([0-9.]*\) ms from start.*/\1/p' "$work/window")
list_mb=$(sed -n 's/^usable list:.*peak RSS \([0-9.]*\) MB.*/\1/p' "$work/window")
searches=$(sed -n 's/^search the plain texts for \("[^"]*"\).* median *\([0-9.]*\) ms.*/\1\t\2/p' "$work/window")
if [[ -z $list_ms || -z $list_mb || $(wc -l <<<"$searches") -ne 3 ]]; then
    cat "$work/window" >&2
    die "annorev-benchwindow printed no usable-list or search timing"
fi
add_row 'window: start to a usable list (store made)' "$(awk -v ms="$list_ms" 'BEGIN { print ms / 1000 }')" \
    "$(awk -v mb="$list_mb" 'BEGIN { print mb * 1e6 / 1024 }')"
while IFS=$'\t' read -r needle search_ms; do
    add_row "window: search the plain texts for $needle (median, with the 300 ms pause)" \
        "$(awk -v ms="$search_ms" 'BEGIN { print ms / 1000 }')" ''
done <<<"$searches"

timed '`annorev stats`' "$annorev" stats "${reviewer[@]}" "$batch"
timed '`annorev sample --size 100 --seed 2 --stratify label`' \
    "$annorev" sample "${reviewer[@]}" --size 100 --seed 2 --stratify label "$batch"

# Approve every document, so that the exports cover the whole batch: 50,000 ids a command keeps
# the argument list short; approving documents with error findings needs a note.
echo "  approving all $count documents" >&2
start=$EPOCHREALTIME
ids 1 | xargs -n 50000 "$annorev" mark "${reviewer[@]}" --status approved --note "bench-scale" "$batch" >/dev/null
end=$EPOCHREALTIME
add_row '`annorev mark --status approved` of all, 50,000 ids a command' \
    "$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')" ''
timed '`annorev export --format records-jsonl` (all approved)' \
    "$annorev" export "${reviewer[@]}" --format records-jsonl --out "$work/records.jsonl" "$batch"
timed '`annorev export --format doccano` (all approved)' \
    "$annorev" export "${reviewer[@]}" --format doccano --out "$work/doccano.jsonl" "$batch"

# B is A with every fifth document's first hardware span untagged and every seventh's first model
# span relabelled params: the same documents, annotated differently.
sed -e '0~5s#<hardware>\([^<]*\)</hardware>#\1#' -e '0~7s#<model>#<params>#' -e '0~7s#</model>#</params>#' \
    "$batch" >"$other"
timed '`annorev compare A B` (B: A with some spans edited)' "$annorev" compare "$batch" "$other"

cpu=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
memory=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)
echo
echo "Machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $memory GiB"
echo "Input: $count documents, $(awk -v b="$batch_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of JSON Lines (seed 42)"
echo "One run each, page cache hot; x cat is the wall time over that of cat."
echo "Load averages (1, 5, 15 min): $load_at_start at the start, $(cut -d ' ' -f 1-3 /proc/loadavg) at the end"
echo
# Every column as wide as its heading or its widest figure, so that the table reads as text too.
print_row() { printf '| %-66s | %10s | %13s | %10s | %13s |\n' "$@"; }
dashes() { printf -- '-%.0s' $(seq "$1"); }
print_row 'Step' 'Wall (s)' 'Peak RSS (MB)' 'x cat' 'Size / batch'
printf '|%s|%s:|%s:|%s:|%s:|\n' "$(dashes 68)" "$(dashes 11)" "$(dashes 14)" "$(dashes 11)" "$(dashes 14)"
print_row '`cat FILE > /dev/null` (best of 3)' "$(printf '%.3f' "$cat_best")" '' '1' ''
for row in "${rows[@]}"; do
    IFS=$sep read -r name wall rss bytes <<<"$row"
    print_row "$name" \
        "$([[ -n $wall ]] && printf '%.2f' "$wall")" \
        "$([[ -n $rss ]] && awk -v k="$rss" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')" \
        "$([[ -n $wall ]] && awk -v w="$wall" -v c="$cat_best" 'BEGIN { r = w / c; printf (r < 10 ? "%.1f" : "%.0f"), r }')" \
        "$([[ -n $bytes ]] && awk -v s="$bytes" -v b="$batch_bytes" 'BEGIN { printf "%.0f MB, %.2f", s / 1e6, s / b }')"
done
echo
echo "The window's own figures (annorev-benchwindow --batch, --repeat 9):"
echo
cat "$work/window"
