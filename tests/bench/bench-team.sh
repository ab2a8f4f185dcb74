#!/usr/bin/env bash
# Team review under load (issue 14): a PostgreSQL 15 cluster of its own (tests/team/pgcluster.sh),
# a generated batch imported as a team batch, then REVIEWERS reviewer processes at once, each
# claiming CLAIMS documents, editing EDITS of them and marking all (annorev-benchteam). Prints the
# import's time and annorev-benchteam's report: documents handed to two reviewers and acknowledged
# writes not in the store (both must be 0), throughput and latencies. Then the same twice more on
# documents not yet handed out: with the first reviewer killed (SIGKILL) once it has made 100
# marks, and with the server restarted 3 s in.
#
# Usage: tests/bench/bench-team.sh [BUILD_DIR] [DOCUMENT_COUNT] [REVIEWERS] [CLAIMS] [EDITS]
#   defaults: build/release 100000 8 500 100
# The cluster and the batch live in a temporary folder ($TMPDIR, else /tmp), removed afterwards.
set -euo pipefail
export LC_ALL=C

build_dir=${1:-build/release}
count=${2:-100000}
reviewers=${3:-8}
claims=${4:-500}
edits=${5:-100}
here=$(cd "$(dirname "$0")" && pwd)
annorev=$build_dir/app/annorev
genbatch=$build_dir/tests/bench/annorev-genbatch
benchteam=$build_dir/tests/bench/annorev-benchteam
for binary in "$annorev" "$genbatch" "$benchteam"; do
    [[ -x $binary ]] || { echo "bench-team: $binary not found: build $build_dir first" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/annorev-bench-team.XXXXXX")
chmod 755 "$work"
cluster=$work/pg
cleanup() {
    bash "$here/../team/pgcluster.sh" stop "$cluster" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
bash "$here/../team/pgcluster.sh" start "$cluster" >/dev/null
psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$cluster" -U postgres)
"${psql[@]}" -d postgres -c 'CREATE DATABASE bench'
database="postgresql:///bench?host=$cluster"
"$annorev" team init "$database&user=postgres" 2>/dev/null
users=()
for ((i = 1; i <= reviewers; ++i)); do
    users+=("bench_r$i")
    "${psql[@]}" -d bench -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_r$i') THEN CREATE ROLE bench_r$i LOGIN; END IF; END \$\$; GRANT annorev_reviewer TO bench_r$i"
done

"$genbatch" --seed 42 --count "$count" --out "$work/batch.jsonl" >/dev/null
size=$(stat -c %s "$work/batch.jsonl")
start=$EPOCHREALTIME
/usr/bin/time -f '%M' -o "$work/import.rss" "$annorev" import "$database&user=postgres&batch=bench" "$work/batch.jsonl" 2>/dev/null
end=$EPOCHREALTIME
database_bytes=$("${psql[@]}" -d bench -At -c "SELECT pg_database_size('bench')")
awk -v s="$start" -v e="$end" -v n="$count" -v b="$size" -v rss="$(cat "$work/import.rss")" -v db="$database_bytes" \
    'BEGIN { printf "import of %d documents (%.0f MB): %.1f s, peak RSS %.0f MB; database %.0f MB (%.2fx the batch)\n",
             n, b / 1e6, e - s, rss / 1024, db / 1e6, db / b }'

start=$EPOCHREALTIME
"$annorev" status "$database&user=postgres&batch=bench" >/dev/null
end=$EPOCHREALTIME
awk -v s="$start" -v e="$end" 'BEGIN { printf "status: %.2f s\n", e - s }'

IFS=,
status=0
echo "-- all reviewers to the end"
"$benchteam" --address "$database&batch=bench" --users "${users[*]}" --claims "$claims" --edits "$edits" || status=1
echo "-- one reviewer killed mid-run"
"$benchteam" --address "$database&batch=bench" --users "${users[*]}" --claims "$claims" --edits "$edits" \
    --kill-after-marks 100 || status=1
echo "-- the server restarted mid-run"
"$benchteam" --address "$database&batch=bench" --users "${users[*]}" --claims "$claims" --edits "$edits" \
    --restart-after 3000 --restart "bash '$here/../team/pgcluster.sh' restart '$cluster'" || status=1
exit $status
