#include "agreement.h"

#include <QMap>
#include <QSet>
#include <queue>

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace annorev::Agreement {

Scores Scores::of(qsizetype matched, qsizetype aSpans, qsizetype bSpans)
{
    Scores scores;
    if (bSpans > 0) {
        scores.precision = double(matched) / double(bSpans);
    }
    if (aSpans > 0) {
        scores.recall = double(matched) / double(aSpans);
    }
    if (aSpans + bSpans > 0) {
        scores.f1 = 2.0 * double(matched) / double(aSpans + bSpans);
    }
    return scores;
}

void Counts::add(const Counts &other)
{
    aSpans += other.aSpans;
    bSpans += other.bSpans;
    exact += other.exact;
    overlap += other.overlap;
}

namespace {

bool isTokenCharacter(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        return true;
    default:
        return QChar::isLetterOrNumber(c);
    }
}

// Calls visit(character, width in UTF-16 units) for each code point of text.
template <typename Visit> void forEachCodePoint(QStringView text, Visit visit)
{
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = text[i].unicode();
        qsizetype width = 1;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            width = 2;
        }
        visit(c, width);
        i += width;
    }
}

// The category (an index into labels, -1 outside any span) at each of the ascending positions.
// Where spans nest the shortest one counts (of equally long ones, the last): a sweep over the
// positions with the spans that cover them in a heap, so nested spans cost log n each rather than
// a pass over their length.
QList<int> categoriesAt(const AnnotatedText &doc, const QHash<QString, int> &labelIndex,
                        const QList<qsizetype> &positions)
{
    QList<qsizetype> byStart(doc.spans.size());
    std::iota(byStart.begin(), byStart.end(), qsizetype(0));
    std::sort(byStart.begin(), byStart.end(),
              [&doc](qsizetype x, qsizetype y) { return doc.spans[x].start < doc.spans[y].start; });
    // The top is the shortest span, and of equally long ones the last.
    const auto paintedLater = [&doc](qsizetype x, qsizetype y) {
        const qsizetype lengthX = doc.spans[x].end - doc.spans[x].start;
        const qsizetype lengthY = doc.spans[y].end - doc.spans[y].start;
        return lengthX != lengthY ? lengthX > lengthY : x < y;
    };
    std::priority_queue<qsizetype, std::vector<qsizetype>, decltype(paintedLater)> covering(paintedLater);
    QList<int> category(positions.size(), -1);
    qsizetype next = 0;
    for (qsizetype p = 0; p < positions.size(); ++p) {
        const qsizetype position = positions[p];
        while (next < byStart.size() && std::max(doc.spans[byStart[next]].start, qsizetype(0)) <= position) {
            covering.push(byStart[next++]);
        }
        while (!covering.empty() && doc.spans[covering.top()].end <= position) {
            covering.pop();
        }
        if (!covering.empty()) {
            category[p] = labelIndex.value(doc.spans[covering.top()].label, -1);
        }
    }
    return category;
}

// Matches the spans of one document, filling in the counts per label.
DocumentDiff matchSpans(const AnnotatedText &a, const AnnotatedText &b, QHash<QString, Counts> *perLabel)
{
    const Pairing pairing = pairSpans(a, b);
    DocumentDiff diff;
    diff.id = a.id;
    for (const AnnotatedText::Span &span : a.spans) {
        ++(*perLabel)[span.label].aSpans;
    }
    for (const AnnotatedText::Span &span : b.spans) {
        ++(*perLabel)[span.label].bSpans;
    }
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        if (pairing.partnerOfA[i] < 0) {
            diff.unmatchedA.append(i);
            continue;
        }
        Counts &counts = (*perLabel)[a.spans[i].label];
        ++counts.overlap;
        ++diff.counts.overlap;
        if (pairing.exact[i]) {
            ++counts.exact;
            ++diff.counts.exact;
        } else {
            diff.unmatchedA.append(i);
        }
    }
    for (qsizetype j = 0; j < b.spans.size(); ++j) {
        const qsizetype i = pairing.partnerOfB[j];
        if (i < 0 || !pairing.exact[i]) {
            diff.unmatchedB.append(j);
        }
    }
    diff.counts.aSpans = a.spans.size();
    diff.counts.bSpans = b.spans.size();
    for (qsizetype i : std::as_const(diff.unmatchedA)) {
        diff.spansOnlyInA.append(a.spans[i]);
    }
    for (qsizetype j : std::as_const(diff.unmatchedB)) {
        diff.spansOnlyInB.append(b.spans[j]);
    }
    return diff;
}

// Cohen's kappa from the number of tokens, how many agree, and the sum over categories of A's
// count times B's: (T·agree − Σ) / (T² − Σ), the usual (p_o − p_e) / (1 − p_e) times T²/T².
std::optional<double> kappa(qsizetype total, qsizetype agree, double chance)
{
    const double t = double(total);
    const double denominator = t * t - chance;
    if (total == 0 || denominator <= 0) {
        return std::nullopt;
    }
    return (t * double(agree) - chance) / denominator;
}

} // namespace

Pairing pairSpans(const AnnotatedText &a, const AnnotatedText &b)
{
    Pairing pairing;
    pairing.partnerOfA = QList<qsizetype>(a.spans.size(), -1);
    pairing.partnerOfB = QList<qsizetype>(b.spans.size(), -1);
    pairing.exact = QList<bool>(a.spans.size(), false);
    auto link = [&pairing](qsizetype i, qsizetype j, bool exact) {
        pairing.partnerOfA[i] = j;
        pairing.partnerOfB[j] = i;
        pairing.exact[i] = exact;
    };

    std::map<std::tuple<QString, qsizetype, qsizetype>, QList<qsizetype>> bByPlace;
    for (qsizetype j = b.spans.size() - 1; j >= 0; --j) {
        const AnnotatedText::Span &span = b.spans[j];
        bByPlace[{span.label, span.start, span.end}].append(j); // last in: the first span is taken first
    }
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        const AnnotatedText::Span &span = a.spans[i];
        const auto found = bByPlace.find({span.label, span.start, span.end});
        if (found != bByPlace.end() && !found->second.isEmpty()) {
            link(i, found->second.takeLast(), true);
        }
    }

    struct Candidate
    {
        qsizetype overlap;
        qsizetype i;
        qsizetype j;
    };
    // The unpaired spans of each label that overlap, found by a sweep over their starts: each
    // span meets the other side's spans that started before it and have not ended, so the work is
    // n log n plus the pairs (linear unless one side's spans overlap each other).
    struct Unpaired
    {
        qsizetype start;
        qsizetype index;
        bool inA;
    };
    QHash<QString, QList<Unpaired>> unpairedByLabel;
    for (qsizetype i = 0; i < a.spans.size(); ++i) {
        if (pairing.partnerOfA[i] < 0 && a.spans[i].start < a.spans[i].end) {
            unpairedByLabel[a.spans[i].label].append({a.spans[i].start, i, true});
        }
    }
    for (qsizetype j = 0; j < b.spans.size(); ++j) {
        if (pairing.partnerOfB[j] < 0 && b.spans[j].start < b.spans[j].end) {
            unpairedByLabel[b.spans[j].label].append({b.spans[j].start, j, false});
        }
    }
    QList<Candidate> candidates;
    for (QList<Unpaired> &unpaired : unpairedByLabel) {
        std::stable_sort(unpaired.begin(), unpaired.end(),
                         [](const Unpaired &x, const Unpaired &y) { return x.start < y.start; });
        std::multimap<qsizetype, qsizetype> activeA; // by end: the spans that have not ended yet
        std::multimap<qsizetype, qsizetype> activeB;
        for (const Unpaired &span : std::as_const(unpaired)) {
            for (auto *active : {&activeA, &activeB}) {
                active->erase(active->begin(), active->upper_bound(span.start));
            }
            const AnnotatedText::Span &x = span.inA ? a.spans[span.index] : b.spans[span.index];
            for (const auto &[end, other] : span.inA ? activeB : activeA) {
                const AnnotatedText::Span &y = span.inA ? b.spans[other] : a.spans[other];
                const qsizetype shared = std::min(x.end, y.end) - std::max(x.start, y.start);
                candidates.append({shared, span.inA ? span.index : other, span.inA ? other : span.index});
            }
            (span.inA ? activeA : activeB).emplace(x.end, span.index);
        }
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &x, const Candidate &y) {
        return std::tie(y.overlap, x.i, x.j) < std::tie(x.overlap, y.i, y.j);
    });
    for (const Candidate &candidate : std::as_const(candidates)) {
        if (pairing.partnerOfA[candidate.i] < 0 && pairing.partnerOfB[candidate.j] < 0) {
            link(candidate.i, candidate.j, false);
        }
    }
    return pairing;
}

QList<std::pair<qsizetype, qsizetype>> tokens(QStringView text, OffsetUnit unit)
{
    QList<std::pair<qsizetype, qsizetype>> result;
    qsizetype position = 0;
    qsizetype start = -1;
    forEachCodePoint(text, [&](char32_t c, qsizetype width) {
        const bool inToken = isTokenCharacter(c);
        if (inToken && start < 0) {
            start = position;
        } else if (!inToken && start >= 0) {
            result.append({start, position});
            start = -1;
        }
        position += unit == OffsetUnit::Utf16 ? width : 1;
    });
    if (start >= 0) {
        result.append({start, position});
    }
    return result;
}

RaterReliability tokenReliability(const QList<const AnnotatedText *> &versions, QStringList *labels)
{
    RaterReliability reliability(int(versions.size()));
    labels->clear();
    labels->append(QString()); // outside any span
    QHash<QString, int> labelIndex;
    const AnnotatedText *first = nullptr;
    for (const AnnotatedText *version : versions) {
        if (!version) {
            continue;
        }
        first = first ? first : version;
        for (const AnnotatedText::Span &span : version->spans) {
            if (!labelIndex.contains(span.label)) {
                labelIndex.insert(span.label, int(labelIndex.size()));
                labels->append(span.label);
            }
        }
    }
    if (!first) {
        return reliability;
    }
    QList<qsizetype> tokenStarts;
    for (const auto &[start, end] : Agreement::tokens(first->text, first->unit)) {
        tokenStarts.append(start);
    }
    QList<QList<int>> categories; // per present version, per token; outside is -1 here
    for (const AnnotatedText *version : versions) {
        if (version) {
            categories.append(categoriesAt(*version, labelIndex, tokenStarts));
        }
    }
    QList<int> unit(categories.size());
    for (qsizetype t = 0; t < tokenStarts.size(); ++t) {
        for (qsizetype v = 0; v < categories.size(); ++v) {
            unit[v] = categories[v][t] + 1; // outside is category 0, the labels follow
        }
        reliability.addUnit(unit);
    }
    return reliability;
}

int Tally::categoryOf(const QString &label)
{
    const auto found = m_categories.constFind(label);
    if (found != m_categories.cend()) {
        return *found;
    }
    const int category = int(m_labels.size());
    m_categories.insert(label, category);
    m_labels.append(label);
    m_inA.append(0);
    m_inB.append(0);
    m_same.append(0);
    return category;
}

PairFigures PairFigures::of(const AnnotatedText &a, const AnnotatedText &b)
{
    PairFigures pair;
    QHash<QString, int> labels; // into tokensPerLabel
    for (const AnnotatedText *side : {&a, &b}) {
        for (const AnnotatedText::Span &span : side->spans) {
            if (!labels.contains(span.label)) {
                labels.insert(span.label, int(pair.tokensPerLabel.size()));
                pair.tokensPerLabel.append({span.label, 0, 0, 0});
            }
        }
    }
    pair.diff = matchSpans(a, b, &pair.perLabel);
    QList<qsizetype> tokenStarts;
    for (const auto &[start, end] : Agreement::tokens(a.text, a.unit)) {
        tokenStarts.append(start);
    }
    const QList<int> categoryA = categoriesAt(a, labels, tokenStarts);
    const QList<int> categoryB = categoriesAt(b, labels, tokenStarts);
    for (qsizetype t = 0; t < tokenStarts.size(); ++t) {
        const int x = categoryA[t];
        const int y = categoryB[t];
        ++(x < 0 ? pair.outside[0] : pair.tokensPerLabel[x].inA);
        ++(y < 0 ? pair.outside[1] : pair.tokensPerLabel[y].inB);
        if (x == y) {
            ++(x < 0 ? pair.outside[2] : pair.tokensPerLabel[x].same);
        }
    }
    pair.tokens = tokenStarts.size();
    return pair;
}

void Tally::add(PairFigures pair)
{
    ++m_result.compared;
    for (const PairFigures::TokenCounts &label : std::as_const(pair.tokensPerLabel)) {
        const int category = categoryOf(label.label);
        m_inA[category] += label.inA;
        m_inB[category] += label.inB;
        m_same[category] += label.same;
    }
    for (auto it = pair.perLabel.cbegin(); it != pair.perLabel.cend(); ++it) {
        m_result.perLabel[it.key()].add(it.value());
    }
    for (std::size_t i = 0; i < m_outside.size(); ++i) {
        m_outside[i] += pair.outside[i];
    }
    m_result.tokens += pair.tokens;
    m_result.overall.add(pair.diff.counts);
    if (pair.diff.unmatched() > 0) {
        m_result.differing.append(std::move(pair.diff));
    }
}

Result Tally::result() &&
{
    Result result = std::move(m_result);
    std::sort(result.differing.begin(), result.differing.end(), [](const DocumentDiff &x, const DocumentDiff &y) {
        return x.unmatched() != y.unmatched() ? x.unmatched() > y.unmatched() : x.id < y.id;
    });
    result.labels = m_labels;
    result.labels.sort();

    // The token counts by label name, outside as the last category.
    const qsizetype outside = result.labels.size();
    QList<qsizetype> inA(outside + 1, 0);
    QList<qsizetype> inB(outside + 1, 0);
    QList<qsizetype> same(outside + 1, 0);
    for (qsizetype c = 0; c < outside; ++c) {
        const int category = m_categories.value(result.labels[c]);
        inA[c] = m_inA[category];
        inB[c] = m_inB[category];
        same[c] = m_same[category];
    }
    inA[outside] = m_outside[0];
    inB[outside] = m_outside[1];
    same[outside] = m_outside[2];

    result.tokenReliability = RaterReliability::ofTwo(inA, inB, same);
    const qsizetype total = result.tokens;
    double chance = 0;
    for (qsizetype c = 0; c <= outside; ++c) {
        chance += double(inA[c]) * double(inB[c]);
    }
    result.kappa = kappa(total, std::accumulate(same.cbegin(), same.cend(), qsizetype(0)), chance);
    for (qsizetype c = 0; c < outside; ++c) {
        // Two categories: this label, and everything else.
        const qsizetype neither = total - inA[c] - inB[c] + same[c];
        const double labelChance = double(inA[c]) * double(inB[c]) + double(total - inA[c]) * double(total - inB[c]);
        result.labelKappa.insert(result.labels[c], kappa(total, same[c] + neither, labelChance));
    }
    return result;
}

Result compare(const QList<AnnotatedText> &a, const QList<AnnotatedText> &b)
{
    Tally tally;
    QHash<QString, const AnnotatedText *> bById;
    for (const AnnotatedText &doc : b) {
        bById.insert(doc.id, &doc);
    }
    QSet<QString> aIds;
    for (const AnnotatedText &doc : a) {
        aIds.insert(doc.id);
        const AnnotatedText *other = bById.value(doc.id);
        if (!other) {
            tally.onlyInA(doc.id);
        } else if (other->text != doc.text) {
            tally.textDiffers(doc.id);
        } else {
            tally.add(doc, *other);
        }
    }
    for (const AnnotatedText &doc : b) {
        if (!aIds.contains(doc.id)) {
            tally.onlyInB(doc.id);
        }
    }
    return std::move(tally).result();
}

} // namespace annorev::Agreement
