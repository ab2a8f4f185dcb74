#include "checkcontext.h"

#include "sentences.h"
#include "valueformat.h"
#include "valuenormalizer.h"

#include <array>

namespace annorev {

namespace {

constexpr std::array deviceWords = {u"GPU", u"GPUs", u"TPU", u"TPUs", u"accelerator", u"accelerators", u"chip",
                                    u"chips"};

bool isTimes(QChar c)
{
    return c == u'x' || c == u'X' || c == u'×';
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

} // namespace

CheckContext::CheckContext(const Document &doc, const Schema &schema, const DocumentAnalysis &analysis,
                           const CountryAliases &countries, int currentYear)
    : m_doc(doc)
    , m_schema(schema)
    , m_analysis(analysis)
    , m_countries(countries)
    , m_currentYear(currentYear)
{
    m_coverage.reserve(doc.spans().size());
    for (const Span &span : doc.spans()) {
        if (!m_coverage.isEmpty() && span.start < m_coverage.last().second) {
            m_coverage.last().second = std::max(m_coverage.last().second, span.end);
        } else {
            m_coverage.append({span.start, span.end});
        }
    }
}

bool CheckContext::overlapsSpan(qsizetype start, qsizetype end) const
{
    auto it = std::upper_bound(m_coverage.cbegin(), m_coverage.cend(), start,
                               [](qsizetype pos, const auto &range) { return pos < range.second; });
    if (it == m_coverage.cend()) {
        return false;
    }
    return start == end ? it->first < start : it->first < end;
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

QList<std::pair<qsizetype, qsizetype>> CheckContext::hardwareSpans() const
{
    QList<std::pair<qsizetype, qsizetype>> result;
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

QList<AttachedCount> CheckContext::attachedCounts(qsizetype hardwareSpan) const
{
    if (m_attachedIndex.isEmpty()) {
        m_attachedIndex.fill(-1, m_doc.spans().size());
    }
    if (m_attachedIndex.at(hardwareSpan) >= 0) {
        return m_attached.at(m_attachedIndex.at(hardwareSpan));
    }
    m_attachedIndex[hardwareSpan] = m_attached.size();
    QList<AttachedCount> &counts = m_attached.emplace_back();
    const Span &span = m_doc.spans().at(hardwareSpan);
    const QString &text = m_doc.text();
    const Sentences::Bounds sentence = Sentences::around(m_doc, span.start);
    const QString ownText = spanText(hardwareSpan).trimmed();
    const QString name = m_analysis.value(hardwareSpan).text;

    auto directlyBefore = [&](qsizetype end) {
        if (end > span.start) {
            return false;
        }
        qsizetype i = skipSpaces(text, end, span.start);
        if (i < span.start && isTimes(text.at(i))) {
            i = skipSpaces(text, i + 1, span.start);
        }
        return i == span.start;
    };
    auto followedByHardware = [&](qsizetype end) {
        qsizetype i = skipSpaces(text, end, sentence.end);
        if (i < sentence.end && isTimes(text.at(i))) {
            i = skipSpaces(text, i + 1, sentence.end);
        }
        if (i == end) {
            return false;
        }
        bool matched = false;
        for (const QString &phrase : {ownText, name}) {
            const qsizetype phraseEnd = matchPhrase(text, i, sentence.end, phrase);
            if (phraseEnd > 0) {
                i = skipSpaces(text, phraseEnd, sentence.end);
                matched = true;
                break;
            }
        }
        for (const char16_t *word : deviceWords) {
            if (matchPhrase(text, i, sentence.end, QStringView(word)) > 0) {
                return true;
            }
        }
        return matched;
    };

    for (qsizetype pos = sentence.begin; pos < sentence.end; ++pos) {
        if (!isAsciiDigit(text, pos)) {
            continue;
        }
        const qsizetype start = pos;
        qint64 value = 0;
        const qsizetype end = integerEnd(text, start, &value);
        while (isAsciiDigit(text, pos + 1)) {
            ++pos;
        }
        if (end < 0 || end > sentence.end) {
            continue;
        }
        pos = end - 1;
        const QChar before = start > 0 ? text.at(start - 1) : QChar(u' ');
        const QChar after = end < text.size() ? text.at(end) : QChar(u' ');
        const QChar afterNext = end + 1 < text.size() ? text.at(end + 1) : QChar(u' ');
        // Not counts: A100, ZeRO-3, 8-GPU, 2.8, 80GB; "8x A100" is one.
        if (isWordChar(before) || before == u'-' || before == u'.' || before == u',' || after == u'-' ||
            ((after == u'.' || after == u',') && afterNext.isDigit()) ||
            (isWordChar(after) && !(isTimes(after) && !isWordChar(afterNext)))) {
            continue;
        }
        if (value < 2 || overlapsSpan(start, end)) {
            continue;
        }
        if (directlyBefore(end) || followedByHardware(end)) {
            counts.append(AttachedCount{start, end, value});
        }
    }
    return counts;
}

} // namespace annorev
