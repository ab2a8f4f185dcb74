#include "annotatedtext.h"

#include "document.h"

#include <QStringView>

#include <algorithm>

namespace annorev {

using namespace Qt::StringLiterals;

namespace {

// UTF-16 position of every code point of text, and text.size() at the end.
QList<qsizetype> codePointStarts(QStringView text)
{
    QList<qsizetype> starts;
    starts.reserve(text.size() + 1);
    for (qsizetype i = 0; i < text.size(); ++i) {
        starts.append(i);
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            ++i;
        }
    }
    starts.append(text.size());
    return starts;
}

} // namespace

AnnotatedText AnnotatedText::fromDocument(const QString &id, const Document &doc, OffsetUnit unit)
{
    AnnotatedText annotated{id, doc.text(), unit, {}};
    annotated.spans.reserve(doc.spans().size());
    for (const annorev::Span &span : doc.spans()) {
        annotated.spans.append({span.label, toOffsetUnit(doc, span.start, unit), toOffsetUnit(doc, span.end, unit),
                                doc.spanText(span)});
    }
    return annotated;
}

AnnotatedText AnnotatedText::withLfLineEnds() const
{
    if (!text.contains(u'\r')) {
        return *this;
    }
    const auto lfOnly = [](QString lines) {
        return lines.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    };
    AnnotatedText lf{id, lfOnly(text), unit, {}};
    QList<qsizetype> dropped; // the offset, in unit, of each LF that follows a CR
    qsizetype offset = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            dropped.append(offset + 1);
        }
        const bool secondHalf = c.isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate();
        if (unit == OffsetUnit::Utf16 || !secondHalf) {
            ++offset;
        }
    }
    // A span that starts or ends between a CR and its LF keeps the whole line break.
    const auto movedStart = [&dropped](qsizetype pos) {
        return pos - (std::upper_bound(dropped.cbegin(), dropped.cend(), pos) - dropped.cbegin());
    };
    const auto movedEnd = [&dropped](qsizetype pos) {
        return pos - (std::lower_bound(dropped.cbegin(), dropped.cend(), pos) - dropped.cbegin());
    };
    lf.spans.reserve(spans.size());
    for (const Span &span : spans) {
        lf.spans.append({span.label, movedStart(span.start), movedEnd(span.end), lfOnly(span.text)});
    }
    return lf;
}

Expected<void> AnnotatedText::verify() const
{
    QList<qsizetype> starts;
    if (unit == OffsetUnit::CodePoint && !spans.isEmpty()) {
        starts = codePointStarts(text);
    }
    const qsizetype length = unit == OffsetUnit::CodePoint ? starts.size() - 1 : text.size();
    for (const Span &span : spans) {
        bool matches = span.start >= 0 && span.start <= span.end && span.end <= length;
        if (matches) {
            const qsizetype begin = unit == OffsetUnit::CodePoint ? starts.at(span.start) : span.start;
            const qsizetype end = unit == OffsetUnit::CodePoint ? starts.at(span.end) : span.end;
            matches = QStringView(text).sliced(begin, end - begin) == span.text;
        }
        if (!matches) {
            return Error{u"document " % id % u": span " % span.label % u' ' % QString::number(span.start) % u'-' %
                         QString::number(span.end) % u" does not match its text"};
        }
    }
    return {};
}

} // namespace annorev
