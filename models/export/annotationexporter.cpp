#include "annotationexporter.h"

#include "annotatedtext.h"
#include "jsonnumber.h"
#include "jsonstring.h"
#include "schema.h"

namespace annorev::AnnotationExporter {

namespace {

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

} // namespace

QByteArray doccano(const AnnotatedText &text)
{
    QByteArray out;
    out.reserve(text.text.size() + 64 + 32 * text.spans.size());
    out += "{\"id\": ";
    JsonString::append(&out, text.id);
    out += ", \"text\": ";
    JsonString::append(&out, text.text);
    out += ", \"label\": [";
    for (qsizetype i = 0; i < text.spans.size(); ++i) {
        const AnnotatedText::Span &span = text.spans.at(i);
        out += i ? ", [" : "[";
        JsonNumber::appendInteger(&out, span.start);
        out += ", ";
        JsonNumber::appendInteger(&out, span.end);
        out += ", ";
        JsonString::append(&out, span.label);
        out += ']';
    }
    out += "]}\n";
    return out;
}

QByteArray labelStudioTask(const AnnotatedText &text)
{
    QByteArray out;
    out.reserve(text.text.size() + 128 + 192 * text.spans.size());
    out += "{\"data\": {\"id\": ";
    JsonString::append(&out, text.id);
    out += ", \"text\": ";
    JsonString::append(&out, text.text);
    out += "}, \"annotations\": [{\"result\": [";
    for (qsizetype i = 0; i < text.spans.size(); ++i) {
        const AnnotatedText::Span &span = text.spans.at(i);
        out += i ? ", {\"id\": \"s" : "{\"id\": \"s";
        JsonNumber::appendInteger(&out, i + 1);
        out += "\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", \"value\": {\"start\": ";
        JsonNumber::appendInteger(&out, span.start);
        out += ", \"end\": ";
        JsonNumber::appendInteger(&out, span.end);
        out += ", \"text\": ";
        JsonString::append(&out, span.text);
        out += ", \"labels\": [";
        JsonString::append(&out, span.label);
        out += "]}}";
    }
    out += "]}]}";
    return out;
}

QByteArray bratAnn(const AnnotatedText &text)
{
    QByteArray out;
    for (qsizetype i = 0; i < text.spans.size(); ++i) {
        const AnnotatedText::Span &span = text.spans.at(i);
        out += 'T' + QByteArray::number(i + 1) + '\t' + span.label.toUtf8() + ' ';
        // Fragments between line breaks, in the span's unit: a line break is one unit in both.
        QString joined;
        qsizetype offset = span.start;
        qsizetype fragmentStart = -1;
        bool firstFragment = true;
        const auto closeFragment = [&](qsizetype end, QStringView fragment) {
            if (!firstFragment) {
                out += ';';
                joined += u' ';
            }
            firstFragment = false;
            out += QByteArray::number(fragmentStart) + ' ' + QByteArray::number(end);
            joined += fragment;
        };
        qsizetype fragmentBegin = 0;  // in span.text, UTF-16
        for (qsizetype j = 0; j < span.text.size(); ++j) {
            const QChar c = span.text.at(j);
            if (isLineBreak(c)) {
                if (fragmentStart >= 0) {
                    closeFragment(offset, QStringView(span.text).sliced(fragmentBegin, j - fragmentBegin));
                    fragmentStart = -1;
                }
            } else if (fragmentStart < 0) {
                fragmentStart = offset;
                fragmentBegin = j;
            }
            // The second half of a surrogate pair is no code point of its own.
            if (text.unit == OffsetUnit::Utf16 || !c.isLowSurrogate()) {
                ++offset;
            }
        }
        if (fragmentStart >= 0) {
            closeFragment(offset, QStringView(span.text).sliced(fragmentBegin));
        } else if (firstFragment) {
            // Empty or all line breaks: brat needs one fragment; an empty one at the start.
            fragmentStart = span.start;
            closeFragment(span.start, {});
        }
        out += '\t' + joined.toUtf8() + '\n';
    }
    return out;
}

QByteArray bratConf(const Schema &schema)
{
    QByteArray out = "[entities]\n";
    for (const LabelInfo &label : schema.labels()) {
        out += label.name.toUtf8() + '\n';
    }
    out += "\n[relations]\n\n[events]\n\n[attributes]\n";
    return out;
}

} // namespace annorev::AnnotationExporter
