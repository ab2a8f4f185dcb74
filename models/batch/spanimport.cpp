#include "spanimport.h"

#include "document.h"
#include "htmlelements.h"
#include "schema.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace annorev {

namespace {

struct Placed
{
    QString label;
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype index = 0;
};

struct Event
{
    qsizetype pos = 0;
    qsizetype rank = 0;
    bool open = false;
};

using SpanKey = std::tuple<qsizetype, qsizetype, QString>;

bool isNameStart(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isNameChar(char16_t c)
{
    return isNameStart(c) || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-' || c == u':' || c == u'.';
}

// The tag scanner's rule for names: anything else would not read back as one tag.
bool isTagName(QStringView label)
{
    if (label.isEmpty() || !isNameStart(label.front().unicode())) {
        return false;
    }
    return std::all_of(label.begin(), label.end(), [](QChar c) { return isNameChar(c.unicode()); });
}

bool splitsSurrogatePair(const QString &text, qsizetype pos)
{
    return pos > 0 && pos < text.size() && text.at(pos - 1).isHighSurrogate() && text.at(pos).isLowSurrogate();
}

QString describe(qsizetype number, const ImportedSpan &span)
{
    return QStringLiteral("span %1 \"%2\" [%3, %4)").arg(number).arg(span.label).arg(span.start).arg(span.end);
}

void appendEscaped(QString *out, QStringView chunk, bool html)
{
    if (!html) {
        out->append(chunk);
        return;
    }
    for (const QChar c : chunk) {
        switch (c.unicode()) {
        case u'&':
            out->append(u"&amp;");
            break;
        case u'<':
            out->append(u"&lt;");
            break;
        case u'>':
            out->append(u"&gt;");
            break;
        default:
            out->append(c);
        }
    }
}

} // namespace

Expected<QByteArray> SpanImport::taggedSource(const QString &text, const QList<ImportedSpan> &spans, OffsetUnit unit,
                                              const Schema &schema)
{
    // UTF-16 offset of every code point boundary, built only when a code point offset needs it.
    std::vector<qsizetype> boundaries;
    const bool astral = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
    if (unit == OffsetUnit::CodePoint && astral) {
        boundaries.reserve(std::size_t(text.size()) + 1);
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate())) {
                boundaries.push_back(i);
            }
        }
        boundaries.push_back(text.size());
    }
    const qint64 length = boundaries.empty() ? text.size() : qint64(boundaries.size()) - 1;
    const QString unitName =
        unit == OffsetUnit::CodePoint ? QStringLiteral("code points") : QStringLiteral("UTF-16 units");
    const auto toUtf16 = [&boundaries](qint64 pos) -> qsizetype {
        return boundaries.empty() ? qsizetype(pos) : boundaries[std::size_t(pos)];
    };

    QList<Placed> placed;
    placed.reserve(spans.size());
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const ImportedSpan &span = spans.at(i);
        const QString where = describe(i + 1, span);
        if (!isTagName(span.label)) {
            return Error{where % u": the label cannot be written as a tag (a letter, then ASCII letters, digits, "
                                 u"'_', '-', ':' or '.')"};
        }
        if (!schema.label(span.label) && HtmlElements::isElement(span.label.toLatin1())) {
            return Error{where % u": the label is not in the schema and is the name of an HTML element, so its tag "
                                 u"would be read as markup"};
        }
        if (span.start < 0 || span.end > length) {
            return Error{where % u": outside the text (" % QString::number(length) % u' ' % unitName % u')'};
        }
        if (span.start >= span.end) {
            return Error{where % u": empty or reversed"};
        }
        const qsizetype start = toUtf16(span.start);
        const qsizetype end = toUtf16(span.end);
        if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
            return Error{where % u": splits a character outside the Basic Multilingual Plane in two (offsets in " %
                         unitName % u')'};
        }
        if (span.text && *span.text != QStringView(text).sliced(start, end - start)) {
            return Error{where % u": its text \"" % *span.text % u"\" differs from the text at its offsets \"" %
                         QStringView(text).sliced(start, end - start) % u'"'};
        }
        placed.append(Placed{span.label, start, end, i});
    }

    // Outer spans open first and inner spans close first, so spans that nest give nested tags
    // and adjacent spans give adjacent ones.
    std::stable_sort(placed.begin(), placed.end(), [](const Placed &a, const Placed &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Event> events;
    events.reserve(std::size_t(placed.size()) * 2);
    for (qsizetype rank = 0; rank < placed.size(); ++rank) {
        events.push_back(Event{placed.at(rank).start, rank, true});
        events.push_back(Event{placed.at(rank).end, rank, false});
    }
    std::sort(events.begin(), events.end(), [](const Event &a, const Event &b) {
        if (a.pos != b.pos) {
            return a.pos < b.pos;
        }
        if (a.open != b.open) {
            return !a.open;
        }
        return a.open ? a.rank < b.rank : a.rank > b.rank;
    });

    // Without '<' in the text only our tags can be tags, and character references are not decoded
    // in a document without HTML markup. With one, an empty comment makes the document hold markup,
    // so references are decoded and the text can be escaped. A leading U+FEFF would be read as a
    // byte order mark, so it is put behind the comment too.
    const bool html = text.contains(u'<') || text.startsWith(QChar(0xfeff));
    QString tagged;
    tagged.reserve(text.size() + placed.size() * 16 + 8);
    if (html) {
        tagged.append(u"<!---->");
    }
    qsizetype pos = 0;
    for (const Event &event : events) {
        appendEscaped(&tagged, QStringView(text).sliced(pos, event.pos - pos), html);
        pos = event.pos;
        const QString &label = placed.at(event.rank).label;
        tagged.append(event.open ? u"<" : u"</");
        tagged.append(label);
        tagged.append(u'>');
    }
    appendEscaped(&tagged, QStringView(text).sliced(pos), html);
    QByteArray source = tagged.toUtf8();

    const Document doc = Document::parse(source, schema);
    if (doc.text() != text) {
        return Error{QStringLiteral("the text does not read back unchanged from tagged text (is it valid Unicode?)")};
    }
    std::vector<SpanKey> expectedSpans;
    std::vector<SpanKey> expectedUnknown;
    for (const Placed &span : std::as_const(placed)) {
        (schema.label(span.label) ? expectedSpans : expectedUnknown).emplace_back(span.start, span.end, span.label);
    }
    std::vector<SpanKey> gotSpans;
    for (const Span &span : doc.spans()) {
        gotSpans.emplace_back(span.start, span.end, span.label);
    }
    std::vector<SpanKey> gotUnknown;
    for (const MarkupIssue &issue : doc.markupIssues()) {
        if (issue.kind == MarkupIssue::UnknownLabel) {
            gotUnknown.emplace_back(issue.start, issue.end, issue.tag);
        }
    }
    for (auto *keys : {&expectedSpans, &expectedUnknown, &gotSpans, &gotUnknown}) {
        std::sort(keys->begin(), keys->end());
    }
    if (gotSpans != expectedSpans || gotUnknown != expectedUnknown) {
        return Error{QStringLiteral("the spans cannot be written as tags that read back the same (spans of one label "
                                    "that cross each other?)")};
    }
    return source;
}

} // namespace annorev
