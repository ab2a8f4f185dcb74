#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each, one after the other, from the seed corpus: the samples,
# tests/data, and tests/fuzz/corpus/<target>/ (hand-made seeds and minimised crashers). Builds the
# fuzz preset first. New inputs go to build/fuzz/corpus/<target>/, crashers to
# build/fuzz/crashers/<target>/; exits 1 when a target found one. README › Development › Fuzzing.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
if ((${#targets[@]} == 0)); then
    targets=(fuzz_taggedtext fuzz_jsonlines fuzz_doccano fuzz_labelstudio fuzz_valuenormalizer fuzz_check)
fi

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

# -timeout: no input may take a second. -malloc_limit_mb: no input of at most -max_len bytes may
# ask for 64 MB at once (4096 times its size: the issue's bound is 64 times, below what a
# process's resident set can show under ASan); -rss_limit_mb stops a slow leak before the machine
# does. -max_len: documents of 16 KiB reach every rule; the seeds of hundreds of kilobytes in
# tests/data would slow every run for little coverage.
options=(-timeout=1 -malloc_limit_mb=64 -rss_limit_mb=2048 -print_final_stats=1)
failed=0
printf '%-22s %8s %12s %8s\n' target seconds runs crashers
for target in "${targets[@]}"; do
    binary=build/fuzz/tests/fuzz/$target
    corpus=build/fuzz/corpus/$target
    crashers=build/fuzz/crashers/$target
    mkdir -p "$corpus" "$crashers"
    # Span texts are short: the normaliser starts from its own seeds and stays under 1 KiB.
    if [[ $target == fuzz_valuenormalizer ]]; then
        seeds=() limits=(-max_len=1024)
    else
        seeds=(resources/samples tests/data) limits=(-max_len=16384)
    fi
    if [[ -d tests/fuzz/corpus/$target ]]; then
        seeds+=("tests/fuzz/corpus/$target")
    fi
    # A JSON Lines reader sees one line at a time: each line of the batches is a seed of its own.
    if [[ $target == fuzz_jsonlines || $target == fuzz_doccano ]]; then
        find resources/samples tests/data -name '*.jsonl' -print0 | while IFS= read -r -d '' file; do
            split -l 1 -a 4 "$file" "$corpus/$(tr / _ <<<"$file")-"
        done
    fi
    log=build/fuzz/$target.log
    part=$log.part
    : >"$log"
    before=$(find "$crashers" -type f | wc -l)
    deadline=$((SECONDS + seconds))
    runs=0
    while :; do
        touch "$log.started"
        status=0
        nice -n 10 "$binary" "${options[@]}" "${limits[@]}" -max_total_time="$((deadline - SECONDS))" \
            -artifact_prefix="$crashers/" "$corpus" "${seeds[@]+"${seeds[@]}"}" >"$part" 2>&1 || status=$?
        cat "$part" >>"$log"
        part_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$part" | tail -1)
        runs=$((runs + ${part_runs:-0}))
        # A timeout can be the machine, not the input: on a loaded machine a process may wait a
        # second for a core. Each new one is replayed alone; one that runs within the limit then is
        # set aside in build/fuzz/slow-once/ and named, not counted, and the target goes on for the
        # rest of its time from the corpus as it grew.
        slow_once=0
        while IFS= read -r -d '' slow; do
            if nice -n 10 "$binary" -timeout=1 -runs=1 "$slow" >"$slow.replay.log" 2>&1; then
                mkdir -p build/fuzz/slow-once
                mv "$slow" "$slow.replay.log" build/fuzz/slow-once/
                echo "  $target: $(basename "$slow") timed out once but replays within 1 s (build/fuzz/slow-once/)" >&2
                slow_once=1
            else
                rm -f "$slow.replay.log"
            fi
        done < <(find "$crashers" -type f -name 'timeout-*' -newer "$log.started" -print0)
        if ((status != 0 && slow_once)) && grep -q 'ERROR: libFuzzer: timeout' "$part"; then
            status=0
            if ((deadline - SECONDS > 0)); then
                continue
            fi
        fi
        break
    done
    rm -f "$part"
    found=$(($(find "$crashers" -type f | wc -l) - before))
    printf '%-22s %8s %12s %8s\n' "$target" "$seconds" "$runs" "$found"
    if ((status != 0 || found > 0)); then
        failed=1
        echo "  $target stopped (exit $status); its log: $log" >&2
        grep -m3 -E 'ERROR|fuzz property broken|SUMMARY' "$log" | sed 's/^/  /' >&2 || true
    fi
done
if ((failed)); then
    echo "A crasher becomes a file in tests/data/bad/ with a regression test in the suite (README › Fuzzing)." >&2
fi
exit "$failed"
