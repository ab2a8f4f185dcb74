#include "checkcontext.h"

#include "charscan.h"
#include "findinglist.h"
#include "sentences.h"
#include "valueformat.h"
#include "valuenormalizer.h"

#include <QHash>
#include <QVarLengthArray>

#include <algorithm>
#include <array>

namespace annorev {

namespace {

constexpr std::array deviceWords = {u"GPU", u"GPUs", u"TPU", u"TPUs", u"accelerator", u"accelerators", u"chip",
                                    u"chips"};

bool isTimes(QChar c)
{
    return c == u'x' || c == u'X' || c == u'×';
}

bool isAsciiUpper(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool isAsciiDigit(const QString &text, qsizetype i)
{
    return i >= 0 && i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9';
}

// The integer token at pos: ASCII digits, optionally in thousands groups ("1,024"). Returns its
// end, or -1 when it is too long to be a count.
qsizetype integerEnd(const QString &text, qsizetype pos, qint64 *value)
{
    constexpr qint64 limit = 1'000'000'000'000'000LL;
    qsizetype i = pos;
    qint64 result = 0;
    while (isAsciiDigit(text, i)) {
        if (result >= limit) {
            return -1;
        }
        result = result * 10 + (text.at(i).unicode() - u'0');
        ++i;
    }
    if (i - pos <= 3) {
        while (i < text.size() && text.at(i) == u',' && isAsciiDigit(text, i + 1) && isAsciiDigit(text, i + 2) &&
               isAsciiDigit(text, i + 3) && !isAsciiDigit(text, i + 4)) {
            if (result >= limit) {
                return -1;
            }
            for (qsizetype k = 1; k <= 3; ++k) {
                result = result * 10 + (text.at(i + k).unicode() - u'0');
            }
            i += 4;
        }
    }
    *value = result;
    return i;
}

qsizetype skipSpaces(const QString &text, qsizetype pos, qsizetype limit)
{
    while (pos < limit && text.at(pos).isSpace()) {
        ++pos;
    }
    return pos;
}

// Matches a phrase at pos, ignoring case, ending at a word boundary; returns its end or -1.
qsizetype matchPhrase(const QString &text, qsizetype pos, qsizetype limit, QStringView phrase)
{
    if (phrase.isEmpty() || pos + phrase.size() > limit) {
        return -1;
    }
    if (QStringView(text).sliced(pos, phrase.size()).compare(phrase, Qt::CaseInsensitive) != 0) {
        return -1;
    }
    const qsizetype end = pos + phrase.size();
    if (end < text.size() && CheckContext::isWordChar(text.at(end)) && CheckContext::isWordChar(text.at(end - 1))) {
        return -1;
    }
    return end;
}

// The earlier of two span indexes, either of which may be -1 (none).
qsizetype earlier(qsizetype a, qsizetype b)
{
    return a < 0 ? b : b < 0 ? a : std::min(a, b);
}

// Case folding code point by code point, as QString::compare(Qt::CaseInsensitive) folds, so that
// the result has the same length and positions as the text. ASCII, most of any text, folds inline
// (QChar::toCaseFolded is a call and a table walk per character).
QString caseFolded(QStringView text)
{
    QString result = text.toString();
    char16_t *data = reinterpret_cast<char16_t *>(result.data());
    for (qsizetype i = 0; i < result.size(); ++i) {
        if (data[i] < 0x80) {
            data[i] = data[i] >= u'A' && data[i] <= u'Z' ? char16_t(data[i] + 32) : data[i];
        } else if (QChar::isHighSurrogate(data[i]) && i + 1 < result.size() && QChar::isLowSurrogate(data[i + 1])) {
            const char32_t folded = QChar::toCaseFolded(QChar::surrogateToUcs4(data[i], data[i + 1]));
            data[i] = QChar::highSurrogate(folded);
            data[i + 1] = QChar::lowSurrogate(folded);
            ++i;
        } else {
            data[i] = QChar::toCaseFolded(data[i]);
        }
    }
    return result;
}

// The case-folded text around the positions read, a window at a time: a sentence may be the
// whole of a 64 MiB document, and folding all of it at once took twice its size again.
class FoldedWindow
{
public:
    static constexpr qsizetype windowSize = 64 * 1024;

    FoldedWindow(QStringView text, qsizetype end) : m_text(text), m_end(end) {}

    // The folded text of [position, position + length), which must lie before the end; valid
    // until the next call.
    QStringView at(qsizetype position, qsizetype length)
    {
        if (position < m_begin || position + length > m_begin + m_folded.size()) {
            qsizetype end = std::min(m_end, position + std::max(windowSize, length));
            // A surrogate pair folds as one code point: the window does not cut one in two.
            if (end < m_end && m_text[end - 1].isHighSurrogate() && m_text[end].isLowSurrogate()) {
                ++end;
            }
            m_begin = position;
            m_folded = caseFolded(m_text.sliced(position, end - position));
        }
        return QStringView(m_folded).sliced(position - m_begin, length);
    }

private:
    QStringView m_text;
    qsizetype m_end;
    qsizetype m_begin = 0;
    QString m_folded;
};

// A sentence's groups of hardware spans by phrase. Most sentences hold one to three spans: their
// phrases are compared one by one, which costs less than hashing a string at every count read;
// past a few a hash keeps a sentence of many spans linear.
template <typename Group> class PhraseGroups
{
public:
    Group &operator[](const QString &phrase)
    {
        if (const qsizetype found = indexOf(phrase); found >= 0) {
            return m_entries[found].second;
        }
        m_entries.append({phrase, Group()});
        if (m_entries.size() > scanLimit) {
            // The views point at the strings' characters, which stay put when an entry moves.
            for (qsizetype i = m_index.isEmpty() ? 0 : m_entries.size() - 1; i < m_entries.size(); ++i) {
                m_index.insert(QStringView(m_entries[i].first), i);
            }
        }
        return m_entries.last().second;
    }

    const Group *find(QStringView phrase) const
    {
        const qsizetype found = indexOf(phrase);
        return found >= 0 ? &m_entries[found].second : nullptr;
    }

private:
    static constexpr qsizetype scanLimit = 8;
    QVarLengthArray<std::pair<QString, Group>, scanLimit> m_entries;
    QHash<QStringView, qsizetype> m_index;

    qsizetype indexOf(QStringView phrase) const
    {
        if (m_entries.size() <= scanLimit) {
            for (qsizetype i = 0; i < m_entries.size(); ++i) {
                if (m_entries[i].first == phrase) {
                    return i;
                }
            }
            return -1;
        }
        return m_index.value(phrase, -1);
    }
};

} // namespace

void CheckContext::FirstHardware::add(const CheckContext &context, std::pair<qsizetype, qsizetype> hardware)
{
    const auto [record, span] = hardware;
    const DocumentAnalysis &analysis = context.m_analysis;
    if (!analysis.hasSpan(record, ValueType::GpuCount)) {
        untagged = earlier(untagged, span);
    }
    const qsizetype gpuCount = analysis.firstParsed(record, ValueType::GpuCount);
    if (gpuCount >= 0) {
        addCounting(span, qint64(analysis.value(gpuCount).number));
    }
}

void CheckContext::FirstHardware::addCounting(qsizetype span, qint64 value)
{
    if (counting < 0) {
        counting = span;
        countingValue = value;
    } else if (span < counting) {
        if (value != countingValue) {
            otherCounting = counting;
        }
        counting = span;
        countingValue = value;
    } else if (value != countingValue) {
        otherCounting = earlier(otherCounting, span);
    }
}

void CheckContext::FirstHardware::merge(const FirstHardware &other)
{
    untagged = earlier(untagged, other.untagged);
    if (other.counting < 0) {
        return;
    }
    addCounting(other.counting, other.countingValue);
    // Otherwise other.counting itself is the other's earliest span unlike ours, added just now.
    if (other.countingValue == countingValue) {
        otherCounting = earlier(otherCounting, other.otherCounting);
    }
}

qsizetype CheckContext::FirstHardware::firstNotCounting(qint64 value) const
{
    return countingValue != value ? counting : otherCounting;
}

CheckContext::CheckContext(const Document &doc, const Schema &schema, const DocumentAnalysis &analysis,
                           const CountryAliases &countries, int currentYear, bool suggestFixes)
    : m_doc(doc)
    , m_schema(schema)
    , m_analysis(analysis)
    , m_countries(countries)
    , m_currentYear(currentYear)
    , m_suggestFixes(suggestFixes)
{
    // Spans are sorted by start: the furthest end of the spans up to each one answers whether a
    // range overlaps any span with a binary search.
    m_furthestEnd.reserve(doc.spans().size());
    for (const Span &span : doc.spans()) {
        m_furthestEnd.append(m_furthestEnd.isEmpty() ? span.end : std::max(m_furthestEnd.last(), span.end));
    }
}

bool CheckContext::overlapsSpan(qsizetype start, qsizetype end) const
{
    // Some span starts before the range ends (or, for a zero-width range, before its position)
    // and ends after it starts.
    const QList<Span> &spans = m_doc.spans();
    const qsizetype limit = start == end ? start : end;
    const auto after = std::lower_bound(spans.cbegin(), spans.cend(), limit,
                                        [](const Span &span, qsizetype pos) { return span.start < pos; });
    const qsizetype before = after - spans.cbegin();
    return before > 0 && m_furthestEnd.at(before - 1) > start;
}

QString CheckContext::quoted(qsizetype span) const
{
    return u'"' + spanText(span) + u'"';
}

QString CheckContext::describeValue(qsizetype span) const
{
    const SpanValue &value = m_analysis.value(span);
    return value.parsed ? ValueFormat::value(m_analysis.typeOf(span), value) : quoted(span);
}

std::pair<qsizetype, qsizetype> CheckContext::trimmedRange(qsizetype span) const
{
    const Span &s = m_doc.spans().at(span);
    qsizetype start = s.start;
    qsizetype end = s.end;
    while (start < end && text().at(start).isSpace()) {
        ++start;
    }
    while (end > start && text().at(end - 1).isSpace()) {
        --end;
    }
    return {start, end};
}

std::optional<EmbeddedCount> CheckContext::embeddedCount(qsizetype hardwareSpan) const
{
    const auto [start, end] = trimmedRange(hardwareSpan);
    const auto leading = ValueNormalizer::leadingCount(QStringView(text()).sliced(start, end - start));
    if (!leading) {
        return std::nullopt;
    }
    return EmbeddedCount{leading->value, start, start + leading->length, start + leading->nameBegin, end};
}

const CheckContext::HardwareSpans &CheckContext::hardwareSpans() const
{
    if (m_hardware) {
        return *m_hardware;
    }
    HardwareSpans &result = m_hardware.emplace();
    for (qsizetype span = 0; span < m_doc.spans().size(); ++span) {
        if (m_analysis.typeOf(span) == ValueType::Hardware) {
            result.append({m_analysis.recordOf(span), span});
        }
    }
    return result;
}

QString CheckContext::recordName(qsizetype record) const
{
    const QString &model = m_analysis.records().at(record).model;
    return model.isEmpty() ? QStringLiteral("the record without a model") : model;
}

const AttachedCounts &CheckContext::attachedCounts() const
{
    if (m_attached) {
        return *m_attached;
    }
    m_attached.emplace();
    const HardwareSpans &hardware = hardwareSpans();
    if (hardware.isEmpty()) {
        return *m_attached;
    }
    const QString &text = m_doc.text();
    const QList<Span> &spans = m_doc.spans();
    Sentences::Cursor sentenceCursor(m_doc);

    // The hardware spans of each sentence, in span order.
    // Bounds never go back as the spans' starts grow, so a sentence's spans are consecutive.
    struct Sentence
    {
        Sentences::Bounds bounds;
        qsizetype first; // [first, last) of the hardware list
        qsizetype last;
    };
    // On the stack for the usual few: these and the lists below were four allocations a document.
    QVarLengthArray<Sentence, 8> sentences;
    for (qsizetype h = 0; h < hardware.size(); ++h) {
        const Sentences::Bounds bounds = sentenceCursor.around(spans.at(hardware[h].second).start);
        if (sentences.isEmpty() || sentences.last().bounds.begin != bounds.begin ||
            sentences.last().bounds.end != bounds.end) {
            sentences.append(Sentence{bounds, h, h});
        }
        sentences.last().last = h + 1;
    }

    // Sentences overlap where a span starting in the white space between two makes one sentence of
    // both: a count read in several of them is one count, naming the earlier span of each. No
    // sentence after the k-th begins before laterBegin[k], so a count there is final once read.
    QVarLengthArray<qsizetype, 8> laterBegin(sentences.size());
    for (qsizetype k = sentences.size() - 1, later = text.size() + 1; k >= 0; --k) {
        laterBegin[k] = later;
        later = std::min(later, sentences[k].bounds.begin);
    }
    // Counts that a later sentence may read again, by start; final ones go to keep().
    QList<AttachedCount> pending;
    qsizetype pendingHead = 0;
    AttachedCounts &found = *m_attached;
    qsizetype keptUntagged = 0;
    qsizetype keptMismatched = 0;
    const auto keep = [&](const AttachedCount &count) {
        const bool untagged = count.untaggedHardware >= 0;
        const bool mismatched = count.mismatchedHardware >= 0;
        if ((untagged && keptUntagged < FindingList::limit) || (mismatched && keptMismatched < FindingList::limit)) {
            found.kept.append(count);
            keptUntagged += untagged;
            keptMismatched += mismatched;
        } else {
            found.untaggedLeftOut += untagged;
            found.mismatchedLeftOut += mismatched;
        }
    };
    const auto settleBefore = [&](qsizetype position) {
        while (pendingHead < pending.size() && pending[pendingHead].start < position) {
            keep(pending[pendingHead++]);
        }
        if (pendingHead == pending.size()) {
            pending.clear();
            pendingHead = 0;
        }
    };
    const auto add = [&](const AttachedCount &count, qsizetype final) {
        const auto at = std::lower_bound(pending.begin() + pendingHead, pending.end(), count.start,
                                         [](const AttachedCount &a, qsizetype start) { return a.start < start; });
        if (at != pending.end() && at->start == count.start) {
            at->untaggedHardware = earlier(at->untaggedHardware, count.untaggedHardware);
            at->mismatchedHardware = earlier(at->mismatchedHardware, count.mismatchedHardware);
        } else {
            pending.insert(at, count);
        }
        // This sentence reads its counts in order, and no later one reads before final.
        settleBefore(std::min(count.start + 1, final));
    };

    // Per count, the first hardware span each rule names, over all sentences that hold it.
    for (qsizetype k = 0; k < sentences.size(); ++k) {
        const Sentence &sentence = sentences[k];
        settleBefore(sentence.bounds.begin);
        // Not a structured binding: clang 14 (the fuzz preset) cannot capture one in a lambda.
        const qsizetype begin = sentence.bounds.begin;
        const qsizetype end = sentence.bounds.end;
        // The spans a count is attached to come in groups: all of the sentence's (a device word
        // follows the count), those whose text or name follows it, those that start right after it.
        // Most sentences hold no candidate count: the groups are made at the first one.
        FoldedWindow folded(text, end);
        FirstHardware everySpan;
        PhraseGroups<FirstHardware> byPhrase;
        QVarLengthArray<qsizetype, 8> phraseLengths;                // ascending, each once
        QVarLengthArray<std::pair<qsizetype, qsizetype>, 8> starts; // (span start, index into hardware)
        bool grouped = false;
        const auto makeGroups = [&] {
            grouped = true;
            for (qsizetype h = sentence.first; h < sentence.last; ++h) {
                const qsizetype span = hardware[h].second;
                everySpan.add(*this, hardware[h]);
                const QString own = caseFolded(spanText(span).trimmed());
                const QString name = caseFolded(m_analysis.value(span).text);
                for (const QString *phrase : {&own, &name}) {
                    if (!phrase->isEmpty() && (phrase == &own || *phrase != own)) {
                        byPhrase[*phrase].add(*this, hardware[h]);
                        const auto at = std::lower_bound(phraseLengths.begin(), phraseLengths.end(), phrase->size());
                        if (at == phraseLengths.end() || *at != phrase->size()) {
                            phraseLengths.insert(at, phrase->size());
                        }
                    }
                }
                starts.append({spans.at(span).start, h});
            }
            std::stable_sort(starts.begin(), starts.end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
        };

        const auto *data = reinterpret_cast<const char16_t *>(text.constData());
        for (qsizetype pos = begin; pos < end; ++pos) {
            // Most of a sentence is not digits: they are looked for eight characters at a time.
            pos = CharScan::firstInRange(data, pos, end, u'0', u'9');
            if (pos == end) {
                break;
            }
            const qsizetype start = pos;
            qint64 value = 0;
            const qsizetype numberEnd = integerEnd(text, start, &value);
            while (isAsciiDigit(text, pos + 1)) {
                ++pos;
            }
            if (numberEnd < 0 || numberEnd > end) {
                continue;
            }
            pos = numberEnd - 1;
            const QChar before = start > 0 ? text.at(start - 1) : QChar(u' ');
            const QChar after = numberEnd < text.size() ? text.at(numberEnd) : QChar(u' ');
            const QChar afterNext = numberEnd + 1 < text.size() ? text.at(numberEnd + 1) : QChar(u' ');
            // Not counts: A100, ZeRO-3, 8-GPU, 2.8, 80GB, 4x4, 24xlarge; "8x A100" and "8xA100" are.
            const bool timesBeforeName = isTimes(after) && (!isWordChar(afterNext) || isAsciiUpper(afterNext));
            if (isWordChar(before) || before == u'-' || before == u'.' || before == u',' || after == u'-' ||
                ((after == u'.' || after == u',') && afterNext.isDigit()) || (isWordChar(after) && !timesBeforeName)) {
                continue;
            }
            if (value < 2 || overlapsSpan(start, numberEnd)) {
                continue;
            }
            if (!grouped) {
                makeGroups();
            }

            FirstHardware attached;
            bool any = false;
            // Directly before a span: only white space and an optional x/× up to its start.
            qsizetype next = skipSpaces(text, numberEnd, text.size());
            if (next < text.size() && isTimes(text.at(next))) {
                next = skipSpaces(text, next + 1, text.size());
            }
            auto first = std::lower_bound(starts.cbegin(), starts.cend(), numberEnd,
                                          [](const auto &entry, qsizetype p) { return entry.first < p; });
            for (; first != starts.cend() && first->first <= next; ++first) {
                attached.add(*this, hardware[first->second]);
                any = true;
            }
            // Followed (after white space or x/×) by a device word or a span's own text or name.
            qsizetype i = skipSpaces(text, numberEnd, end);
            if (i < end && isTimes(text.at(i))) {
                i = skipSpaces(text, i + 1, end);
            }
            if (i != numberEnd) {
                for (const char16_t *word : deviceWords) {
                    if (matchPhrase(text, i, end, QStringView(word)) > 0) {
                        attached.merge(everySpan);
                        any = true;
                        break;
                    }
                }
                for (const qsizetype length : phraseLengths) {
                    if (i + length > end) {
                        break;
                    }
                    const FirstHardware *group = byPhrase.find(folded.at(i, length));
                    const qsizetype phraseEnd = i + length;
                    if (group && !(phraseEnd < text.size() && isWordChar(text.at(phraseEnd)) &&
                                   isWordChar(text.at(phraseEnd - 1)))) {
                        attached.merge(*group);
                        any = true;
                    }
                }
            }
            if (!any) {
                continue;
            }
            const qsizetype untagged = attached.untagged;
            const qsizetype mismatched = attached.firstNotCounting(value);
            if (untagged < 0 && mismatched < 0) {
                continue;
            }
            add(AttachedCount{start, numberEnd, value, untagged, mismatched}, laterBegin[k]);
        }
    }
    settleBefore(text.size() + 1);
    return found;
}

} // namespace annorev
