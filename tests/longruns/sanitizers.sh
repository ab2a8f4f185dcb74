#!/usr/bin/env bash
# The whole suite again under AddressSanitizer and UBSan: the asan workflow (configure, build and
# test the dev-asan preset, whose test preset makes either sanitizer stop at its first report).
# The configure and build output goes to build/dev-asan.log and is shown only when they fail, so
# that what CI prints of this test ends with what matters: the tests that failed, each with its
# own output, and whether it failed again when run once more on its own (a failure that does
# not come back is still a failure: the exit status says so). Arguments go to ctest
# (tests/longruns/sanitizers.sh -R tst_windowopening runs that test alone). README › Development › Sanitizers.
set -uo pipefail
cd "$(dirname "$0")/../.."

mkdir -p build
log=build/dev-asan.log
if ! { cmake --preset dev-asan && cmake --build --preset dev-asan; } >"$log" 2>&1; then
    echo "sanitizers: the dev-asan build failed; the end of $log:"
    tail -n 80 "$log"
    exit 1
fi

ctest --preset dev-asan "$@"
status=$?
if ((status != 0)); then
    failed=build/dev-asan/Testing/Temporary/LastTestsFailed.log
    echo
    echo "sanitizers: failed under ASan/UBSan: $(cut -d: -f2 "$failed" 2>/dev/null | paste -sd' ')"
    # What each said when it failed in the whole run, before any log viewer cuts a long output:
    # its failed checks with their file and line, and any sanitizer report's first line.
    echo "sanitizers: what each failed on in the whole run:"
    for name in $(cut -d: -f2 "$failed" 2>/dev/null); do
        awk -v name="$name" '
            $0 ~ "^ *[0-9]+/[0-9]+ Test: " name "$" { inside = 1; next }
            inside && /^<end of output>/ { inside = 0 }
            inside && /^(FAIL!|XPASS|QFATAL|   Loc: )|ERROR: AddressSanitizer|runtime error:/ { print name ": " $0 }
        ' build/dev-asan/Testing/Temporary/LastTest.log
    done
    echo "sanitizers: each once more on its own, with its output:"
    ctest --preset dev-asan --rerun-failed --output-on-failure
fi
exit "$status"
