#!/usr/bin/env python3
"""Puts the samples of a perf profile of `annorev check` in the stages of the README's table.

Usage:
  perf record -F 2000 --call-graph dwarf,32768 -o check.data annorev check --jobs 1 BATCH >/dev/null
  perf script -i check.data -F ip,sym --no-inline | tests/bench/perf-stages.py [--detail N]

A sample belongs to the stage of the innermost frame on its stack that names one. With --detail N,
the N largest stages also list their most frequent leaf functions.
"""
import collections
import re
import sys

STAGES = [
    (r'CheckReport::(text|json)\b', 'output: format'),
    (r'CheckReport::summary|Console::|__GI___libc_write|^write$|QIODevice::write', 'output: write'),
    (r'\(anonymous namespace\)::(\w+)Rule::check', 'rule: {0}'),
    (r'CheckContext::CheckContext|CheckContext::~', 'rules: context'),
    (r'DocumentAnalysis::analyze|~DocumentAnalysis|ValueNormalizer', 'normalise'),
    (r'Checker::check', 'rules: ordering findings'),
    (r'TaggedTextParser|Document::parse|~Document\b', 'parse'),
    (r'parseLine|readLine|BatchReader::read\b|simdjson|~SourceEntry', 'read: decode JSON'),
    (r'BatchReader::open|addJsonl|addFolder|splitLines|linesStartingIn', 'read: list, split'),
    (r'BatchCheck::run.*\{lambda\(int&|BatchCheck::Unit|QHash.*pair<QString, int>|SeenIds',
     'deliver: order, ids'),
    (r'BatchCheck::run.*Chunk const', 'chunk bookkeeping'),
    (r'_dl_|dl_main|_dl_start|QCoreApplication|__libc_start_main|main$', 'start-up, exit'),
]
STAGES = [(re.compile(pattern), name) for pattern, name in STAGES]


def stage_of(stack):
    for frame in stack:
        for pattern, name in STAGES:
            match = pattern.search(frame)
            if match:
                return name.format(*match.groups())
    return 'other'


def main():
    detail = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] == '--detail' else 0
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    stack = []

    def flush():
        if stack:
            stage = stage_of(stack)
            counts[stage] += 1
            leaves[stage][stack[0]] += 1
        stack.clear()

    for line in sys.stdin:
        if not line.strip() or line[0] not in ' \t':
            flush()
            continue
        parts = line.strip().split(None, 1)
        stack.append(re.sub(r'\+0x[0-9a-f]+$', '', parts[1] if len(parts) > 1 else ''))
    flush()
    total = sum(counts.values())
    if not total:
        sys.exit('perf-stages: no samples on standard input')
    print(f'{total} samples')
    for stage, n in counts.most_common():
        print(f'{100 * n / total:6.2f}%  {stage}')
    for stage, n in counts.most_common(detail):
        print(f'\n{stage} ({100 * n / total:.2f}%), leaf functions:')
        for leaf, m in leaves[stage].most_common(10):
            print(f'  {100 * m / total:5.2f}%  {leaf[:120]}')


if __name__ == '__main__':
    main()
