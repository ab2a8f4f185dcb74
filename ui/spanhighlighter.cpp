#include "spanhighlighter.h"

#include <QTextDocument>

#include <algorithm>
#include <iterator>

namespace annorev {

namespace {

bool before(const SpanHighlighter::Range &a, const SpanHighlighter::Range &b)
{
    if (a.start != b.start) {
        return a.start < b.start;
    }
    if (a.end != b.end) {
        return a.end > b.end;
    }
    return a.style < b.style;
}

QList<SpanHighlighter::Range> sorted(QList<SpanHighlighter::Range> ranges)
{
    std::sort(ranges.begin(), ranges.end(), before);
    return ranges;
}

// Where an old range is after the text changed: moved with the text after the change, stretched
// or shrunk when the change is inside it.
SpanHighlighter::Range shifted(SpanHighlighter::Range range, const SpanHighlighter::TextChange &change)
{
    const qsizetype delta = change.added - change.removed;
    const qsizetype changeEnd = change.position + change.removed;
    auto move = [&](qsizetype offset) {
        if (offset >= changeEnd) {
            return offset + delta;
        }
        return std::min(offset, change.position + change.added);
    };
    range.start = move(range.start);
    range.end = std::max(range.start, move(range.end));
    return range;
}

QList<SpanHighlighter::Range> difference(const QList<SpanHighlighter::Range> &a, const QList<SpanHighlighter::Range> &b)
{
    QList<SpanHighlighter::Range> changed;
    std::set_symmetric_difference(a.cbegin(), a.cend(), b.cbegin(), b.cend(), std::back_inserter(changed), before);
    return changed;
}

} // namespace

void SpanHighlighter::Index::assign(QList<Range> sortedRanges)
{
    ranges = std::move(sortedRanges);
    maxEnd.resize(ranges.size());
    qsizetype running = 0;
    for (qsizetype i = 0; i < ranges.size(); ++i) {
        running = std::max(running, ranges[i].end);
        maxEnd[i] = running;
    }
}

template <typename Visit> void SpanHighlighter::Index::forEachOver(qsizetype begin, qsizetype end, Visit visit) const
{
    // The first range that can reach past begin: maxEnd only grows.
    const auto first = std::upper_bound(maxEnd.cbegin(), maxEnd.cend(), begin);
    for (qsizetype i = first - maxEnd.cbegin(); i < ranges.size() && ranges[i].start < end; ++i) {
        if (ranges[i].end > begin && ranges[i].end > ranges[i].start) {
            visit(ranges[i]);
        }
    }
}

SpanHighlighter::SpanHighlighter(QTextDocument *document) : QSyntaxHighlighter(document) {}

SpanHighlighter::~SpanHighlighter() = default;

void SpanHighlighter::setBackgrounds(QList<QColor> colours)
{
    m_backgrounds = std::move(colours);
}

void SpanHighlighter::setUnderlines(QList<QColor> colours)
{
    m_underlines = std::move(colours);
}

void SpanHighlighter::resetRanges(QList<Range> spans, QList<Range> findings)
{
    m_spans.assign(sorted(std::move(spans)));
    m_findings.assign(sorted(std::move(findings)));
    m_highlighted = 0;
}

void SpanHighlighter::updateRanges(QList<Range> spans, std::optional<QList<Range>> findings, const TextChange &change)
{
    QList<Range> oldSpans = m_spans.ranges;
    QList<Range> oldFindings = m_findings.ranges;
    if (change.removed != 0 || change.added != 0) {
        for (Range &range : oldSpans) {
            range = shifted(range, change);
        }
        for (Range &range : oldFindings) {
            range = shifted(range, change);
        }
        oldSpans = sorted(std::move(oldSpans));
        oldFindings = sorted(std::move(oldFindings));
    }
    m_spans.assign(sorted(std::move(spans)));
    m_findings.assign(findings ? sorted(std::move(*findings)) : oldFindings);
    QList<Range> changed = difference(oldSpans, m_spans.ranges);
    changed += difference(oldFindings, m_findings.ranges);
    rehighlightRanges(changed);
}

void SpanHighlighter::rehighlightRanges(const QList<Range> &changed)
{
    QTextDocument *doc = document();
    if (doc == nullptr) {
        return;
    }
    QList<int> blocks;
    for (const Range &range : changed) {
        QTextBlock block = doc->findBlock(int(range.start));
        while (block.isValid()) {
            blocks.append(block.blockNumber());
            if (block.position() + block.length() >= range.end) {
                break;
            }
            block = block.next();
        }
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    for (int number : std::as_const(blocks)) {
        rehighlightBlock(doc->findBlockByNumber(number));
    }
}

void SpanHighlighter::highlightBlock(const QString &text)
{
    ++m_highlighted;
    const qsizetype blockStart = currentBlock().position();
    // The block's separator counts, so that a span ending at a line break still colours up to it.
    const qsizetype blockEnd = blockStart + text.size() + 1;
    auto clip = [&](const Range &range) {
        const qsizetype start = std::max(range.start, blockStart) - blockStart;
        const qsizetype end = std::min(range.end, blockStart + text.size()) - blockStart;
        return std::pair{int(start), int(std::max<qsizetype>(0, end - start))};
    };
    m_spans.forEachOver(blockStart, blockEnd, [&](const Range &range) {
        if (range.style < 0 || range.style >= m_backgrounds.size()) {
            return;
        }
        const auto [start, length] = clip(range);
        QTextCharFormat format;
        format.setBackground(m_backgrounds.at(range.style));
        setFormat(start, length, format);
    });
    m_findings.forEachOver(blockStart, blockEnd, [&](const Range &range) {
        if (range.style < 0 || range.style >= m_underlines.size()) {
            return;
        }
        const auto [start, length] = clip(range);
        // Merged character by character into what the spans set: a finding may cover a span's
        // edge, and its underline must not wipe the span's colour.
        for (int i = start; i < start + length; ++i) {
            QTextCharFormat merged = format(i);
            merged.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            merged.setUnderlineColor(m_underlines.at(range.style));
            setFormat(i, 1, merged);
        }
    });
}

} // namespace annorev
