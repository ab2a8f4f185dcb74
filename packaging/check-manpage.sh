#!/usr/bin/env bash
# Usage: check-manpage.sh ANNOREV MANPAGE
# The man page renders without groff warnings, carries the binary's version, and documents every
# command and every option that the binary's --help texts list.
set -euo pipefail
annorev=$1
manpage=$2
status=0
fail() { echo "check-manpage: $*" >&2; status=1; }

warnings=$(groff -man -Tutf8 -ww -z "$manpage" 2>&1) || fail "groff failed"
[[ -z $warnings ]] || fail "groff warnings:"$'\n'"$warnings"

version=$("$annorev" --version | awk '{ print $2 }')
grep -q "^\.TH ANNOREV 1 .*\"annorev $version\"" "$manpage" || fail ".TH does not name annorev $version"

# The text of a section: from its .SS line up to the next .SS or .SH, with roff's \- as -.
section() { awk -v head=".SS \"annorev $1 " 'index($0, head) == 1 { on = 1; next } /^\.S[SH] / { on = 0 } on' "$manpage" | sed 's/\\-/-/g'; }

commands=$("$annorev" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[[ -n $commands ]] || fail "no commands in annorev --help"
for command in $commands; do
    text=$(section "$command")
    if [[ -z $text ]]; then
        fail "no section .SS \"annorev $command ...\""
        continue
    fi
    # Options as QCommandLineParser lists them ("  -j, --jobs <N>  ..."), without the generic ones.
    options=$("$annorev" "$command" --help | grep -oE '^  (-[a-z], )?--[a-z-]+' | grep -vE -- '--help(-all)?$' | tr -d ' ,' | sed 's/^\(-[a-z]\)--/\1 --/') || true
    for option in $options; do
        grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$text" || fail "annorev $command: $option is not documented"
    done
done
exit $status
