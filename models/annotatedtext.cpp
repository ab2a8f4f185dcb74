#include "annotatedtext.h"

#include "document.h"

#include <QStringView>

namespace annorev {

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

bool AnnotatedText::verify(QString *error) const
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
            if (error) {
                *error = u"document " % id % u": span " % span.label % u' ' % QString::number(span.start) % u'-' %
                         QString::number(span.end) % u" does not match its text";
            }
            return false;
        }
    }
    return true;
}

} // namespace annorev
