#include "taggedtextparser.h"

#include "htmlelements.h"
#include "htmlentities.h"
#include "schema.h"
#include "tagscanner.h"
#include "utf8.h"

#include <QHash>
#include <QVarLengthArray>
#include <QtAlgorithms>

#include <algorithm>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annorev {

namespace {

using markup::isAttributeNameChar;
using markup::isSpace;
using markup::Tag;
using markup::TagKind;
using markup::TagScanner;

QList<TagAttribute> parseAttributes(QByteArrayView text)
{
    QList<TagAttribute> attributes;
    qsizetype i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) {
            ++i;
        }
        const qsizetype nameBegin = i;
        while (i < text.size() && isAttributeNameChar(text[i])) {
            ++i;
        }
        if (i == nameBegin) {
            break;
        }
        TagAttribute attribute;
        attribute.name = QString::fromUtf8(text.sliced(nameBegin, i - nameBegin));
        while (i < text.size() && isSpace(text[i])) {
            ++i;
        }
        if (i < text.size() && text[i] == '=') {
            ++i;
            while (i < text.size() && isSpace(text[i])) {
                ++i;
            }
            if (i < text.size() && (text[i] == '"' || text[i] == '\'')) {
                const char quote = text[i];
                const qsizetype valueBegin = ++i;
                while (i < text.size() && text[i] != quote) {
                    ++i;
                }
                attribute.value = QString::fromUtf8(text.sliced(valueBegin, i - valueBegin));
                ++i;
            } else {
                const qsizetype valueBegin = i;
                while (i < text.size() && !isSpace(text[i])) {
                    ++i;
                }
                attribute.value = QString::fromUtf8(text.sliced(valueBegin, i - valueBegin));
            }
        }
        attributes.append(attribute);
    }
    return attributes;
}

// Appends decoded text and its pieces; literal pieces are cut every few kilobytes so that
// mapping a position back to the source never walks far.
class TextBuilder
{
public:
    TextBuilder(const QByteArray &source, QString *text, Document::PieceTable *pieces, QList<qsizetype> *astral,
                bool *invalidUtf8, bool *mayHoldMojibake)
        : m_data(reinterpret_cast<const unsigned char *>(source.constData())), m_sourceSize(source.size()),
          m_text(text), m_pieces(pieces), m_astral(astral), m_invalid(invalidUtf8), m_mayHoldMojibake(mayHoldMojibake)
    {
        // resize() would round the capacity up to a power of two: twice the memory at worst.
        *m_text = QString(source.size(), Qt::Uninitialized);
        m_out = reinterpret_cast<char16_t *>(m_text->data());
    }

    qsizetype position() const { return m_length; }

    void appendLiteral(qsizetype begin, qsizetype end)
    {
        constexpr qsizetype pieceBytes = 4096;
        qsizetype pos = begin;
        while (pos < end) {
            const qsizetype stop = std::min(end, pos + pieceBytes);
            const qsizetype pieceText = m_length;
            const qsizetype pieceSource = pos;
            while (pos < stop) {
                pos = copyAscii(pos, stop);
                if (pos >= stop) {
                    break;
                }
                const unsigned char c = m_data[pos];
                if (c < 0x80) {
                    m_out[m_length++] = c;
                    ++pos;
                    continue;
                }
                char32_t codePoint = 0;
                const int used = Utf8::decode(m_data + pos, m_data + end, &codePoint);
                if (codePoint == 0xfffd && !(used == 3 && m_data[pos] == 0xef && m_data[pos + 1] == 0xbf)) {
                    *m_invalid = true;
                }
                pos += used;
                appendCodePoint(codePoint);
            }
            m_pieces->append(Document::Piece{pieceText, pieceSource, pos, true});
        }
    }

    void appendEntity(qsizetype begin, qsizetype end, const HtmlEntities::CodePoints &codePoints)
    {
        m_pieces->append(Document::Piece{m_length, begin, end, false});
        for (const char32_t codePoint : codePoints) {
            if (codePoint != 0) {
                appendCodePoint(codePoint);
            }
        }
    }

    // A line break that stands for block markup: it has no bytes of its own. It fits in the
    // buffer because the markup it stands for was at least three bytes that gave no text.
    void appendBreak(qsizetype sourcePos)
    {
        m_pieces->append(Document::Piece{m_length, sourcePos, sourcePos, false});
        m_out[m_length++] = u'\n';
    }

    void finish()
    {
        m_text->truncate(m_length);
        // Tags and multi-byte characters leave room unused; give a large surplus back.
        if (m_text->capacity() - m_length > 1024 * 1024) {
            m_text->squeeze();
        }
    }

private:
    // Widens a run of ASCII bytes sixteen at a time; returns where the run stops.
    qsizetype copyAscii(qsizetype pos, qsizetype stop)
    {
#if defined(__SSE2__)
        const __m128i zero = _mm_setzero_si128();
        while (pos + 16 <= stop) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + pos));
            if (_mm_movemask_epi8(chunk) != 0) {
                break;
            }
            _mm_storeu_si128(reinterpret_cast<__m128i *>(m_out + m_length), _mm_unpacklo_epi8(chunk, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(m_out + m_length + 8), _mm_unpackhi_epi8(chunk, zero));
            pos += 16;
            m_length += 16;
        }
        // Most runs end at a tag a few bytes on: their last bytes are widened as one more block,
        // of which only the ASCII bytes before stop count. The block may read and write past
        // them, but not past the source, nor past the text, which is as long as the source.
        if (pos < stop && pos + 16 <= m_sourceSize && m_length + 16 <= m_sourceSize) {
            const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_data + pos));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(m_out + m_length), _mm_unpacklo_epi8(chunk, zero));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(m_out + m_length + 8), _mm_unpackhi_epi8(chunk, zero));
            const auto nonAscii = uint(_mm_movemask_epi8(chunk));
            const qsizetype ascii = std::min<qsizetype>(nonAscii ? qCountTrailingZeroBits(nonAscii) : 16, stop - pos);
            m_length += ascii;
            return pos + ascii;
        }
#endif
        while (pos < stop && m_data[pos] < 0x80) {
            m_out[m_length++] = m_data[pos++];
        }
        return pos;
    }

    // Every character past ASCII comes through here, from the source's bytes or a reference.
    void appendCodePoint(char32_t codePoint)
    {
        if (Document::mayStartMojibake(codePoint)) {
            *m_mayHoldMojibake = true;
        }
        if (codePoint >= 0x10000) {
            m_astral->append(m_length);
            m_out[m_length++] = char16_t(0xd800 + ((codePoint - 0x10000) >> 10));
            m_out[m_length++] = char16_t(0xdc00 + ((codePoint - 0x10000) & 0x3ff));
        } else {
            m_out[m_length++] = char16_t(codePoint);
        }
    }

    const unsigned char *m_data;
    qsizetype m_sourceSize;
    QString *m_text;
    Document::PieceTable *m_pieces;
    QList<qsizetype> *m_astral;
    bool *m_invalid;
    bool *m_mayHoldMojibake;
    char16_t *m_out = nullptr;
    qsizetype m_length = 0;
};

struct OpenTag
{
    Tag tag;
    qsizetype textPos;
    bool nested;
    bool closed = false;
    std::size_t number = 0; // in opening order
    qsizetype previousOfLabel = -1; // the place of the open tag of its label opened before it
};

// The entity tags open at a point of the parse. Closing one finds the latest open tag of its
// label (each open tag links to the one of its label opened before it) and, when that is not the innermost open tag, crosses every tag
// opened after it that is still open. A tag closed below the top stays in place until the tags
// above it close, and crossings are kept as ranges of opening numbers in a Fenwick tree, so deep
// or crossing markup costs log n per tag rather than a walk of the stack, and well-nested markup
// keeps only its open tags.
class OpenTags
{
public:
    OpenTags(qsizetype labels, const QByteArray &source) : m_latest(labels), m_source(source)
    {
        std::fill(m_latest.begin(), m_latest.end(), -1);
    }

    bool isEmpty() const { return m_open == 0; }
    void open(const Tag &tag, int label, qsizetype textPos)
    {
        qsizetype &latest = m_latest[label];
        m_stack.push_back(OpenTag{tag, textPos, m_open > 0, false, m_opened++, latest});
        latest = qsizetype(m_stack.size()) - 1;
        ++m_open;
    }
    // Where the latest open tag of the label is, or -1.
    qsizetype latest(int label) const { return m_latest[label]; }
    const OpenTag &at(qsizetype place) const { return m_stack[place]; }
    bool isInnermost(qsizetype place) const { return place + 1 == m_stack.size(); }
    // Whether a tag opened before it was closed while it was open.
    bool wasCrossed(qsizetype place) const
    {
        const std::size_t number = m_stack[place].number;
        // The furthest "opened before" of the crossings that closed a tag numbered below this one.
        std::size_t reach = 0;
        for (std::size_t i = number; i > 0 && !m_crossedBefore.empty(); i -= i & (~i + 1)) {
            reach = std::max(reach, m_crossedBefore[i]);
        }
        return reach > number;
    }
    // Closes the latest open tag of the label; it crosses the open tags above it.
    void close(int label)
    {
        const qsizetype place = m_latest[label];
        OpenTag &closed = m_stack[place];
        m_latest[label] = closed.previousOfLabel;
        closed.closed = true;
        --m_open;
        if (place + 1 < m_stack.size()) {
            if (m_crossedBefore.empty()) {
                // Every tag starts with a '<': their count bounds the opening numbers.
                m_crossedBefore.assign(std::size_t(std::count(m_source.cbegin(), m_source.cend(), '<')) + 1, 0);
            }
            for (std::size_t i = closed.number + 1; i < m_crossedBefore.size(); i += i & (~i + 1)) {
                m_crossedBefore[i] = std::max(m_crossedBefore[i], m_opened);
            }
        }
        while (!m_stack.empty() && m_stack.back().closed) {
            m_stack.pop_back();
        }
    }
    // Tags opened at `from` that are still open start at `to` instead: a line break was put
    // before the text that follows them. Only the top of the stack can have opened there.
    void moveOpenStarts(qsizetype from, qsizetype to)
    {
        for (auto tag = m_stack.rbegin(); tag != m_stack.rend() && tag->textPos == from; ++tag) {
            if (!tag->closed) {
                tag->textPos = to;
            }
        }
    }
    template <typename Visit> void forEachOpen(Visit visit) const
    {
        for (const OpenTag &tag : m_stack) {
            if (!tag.closed) {
                visit(tag);
            }
        }
    }

private:
    // Open tags, and closed ones below an open tag, in opening order; on the stack for the few of
    // most documents.
    QVarLengthArray<OpenTag, 16> m_stack;
    // Per label, the place in m_stack of its latest open tag, or -1. A document is parsed per
    // call: labels and the tags of most documents fit without allocating.
    QVarLengthArray<qsizetype, 16> m_latest;
    std::vector<std::size_t> m_crossedBefore;        // a Fenwick tree of maxima over numbers + 1
    const QByteArray &m_source;
    std::size_t m_opened = 0;
    std::size_t m_open = 0;
};

} // namespace

TaggedTextParser::TaggedTextParser(const Schema &schema) : m_schema(schema), m_labels(schema.labelBytes()) {}

Document TaggedTextParser::parse(QByteArray source, std::optional<InputLimits::Breach> *breach) const
{
    Document doc;
    doc.m_source = std::move(source);
    if (doc.m_source.startsWith("\xef\xbb\xbf")) {
        doc.m_bom = true;
        doc.m_bodyBegin = 3;
    }
    // Whether a document holds HTML markup decides how its text reads from the first byte on.
    // Most hold none: they are read in one pass, and read again only when a tag turns out to be
    // HTML, so that no list of every tag is kept (it took more memory than the spans).
    Read result = read(&doc, false, breach);
    if (result == Read::HoldsHtml) {
        Document html;
        html.m_source = std::move(doc.m_source);
        html.m_bom = doc.m_bom;
        html.m_bodyBegin = doc.m_bodyBegin;
        doc = std::move(html);
        result = read(&doc, true, breach);
    }
    if (result == Read::PastALimit) {
        return Document();
    }
    return doc;
}

TaggedTextParser::Read TaggedTextParser::read(Document *document, bool html,
                                              std::optional<InputLimits::Breach> *breach) const
{
    Document &doc = *document;
    const QByteArray &src = doc.m_source;
    doc.m_hasHtml = html;

    // Reserved by a guess from the size (counting the tags first took longer than growing): the
    // lists are of relocatable types and grow by realloc, in place for a large list.
    doc.m_spans.reserve(src.size() / 64 + 1);
    doc.m_pieces.reserve(src.size() / 32 + 1);
    TextBuilder text(src, &doc.m_text, &doc.m_pieces, &doc.m_astral, &doc.m_invalidUtf8, &doc.m_mayHoldMojibake);
    auto appendDecoded = [&](qsizetype begin, qsizetype end) {
        if (!doc.m_hasHtml) {
            text.appendLiteral(begin, end);
            return;
        }
        qsizetype pos = begin;
        while (pos < end) {
            const void *amp = std::memchr(src.constData() + pos, '&', std::size_t(end - pos));
            const qsizetype at = amp ? static_cast<const char *>(amp) - src.constData() : end;
            HtmlEntities::CodePoints codePoints{};
            const int length =
                at < end ? HtmlEntities::decode(QByteArrayView(src).sliced(at, end - at), &codePoints) : 0;
            if (length == 0) {
                text.appendLiteral(pos, std::min(end, at + 1));
                pos = at + 1;
                continue;
            }
            text.appendLiteral(pos, at);
            text.appendEntity(at, at + length, codePoints);
            pos = at + length;
        }
    };

    OpenTags stack(m_labels.size(), src);
    // Block markup between two pieces of text stands for a line break in the plain text: one '\n'
    // for the run of markup and white space, unless its white space breaks the line already, put
    // just before the next text so that tags opened in the run start after it and tags closed in
    // the run end before it: a span never starts or ends inside an inserted break.
    bool seenText = false;
    bool breakPending = false;
    bool runBreaksLine = false;
    const auto breaksLine = [&src](qsizetype begin, qsizetype end) {
        const QByteArrayView run = QByteArrayView(src).sliced(begin, end - begin);
        return run.contains('\n') || run.contains('\r');
    };
    auto appendText = [&](qsizetype begin, qsizetype end) {
        if (!doc.m_hasHtml || begin >= end) {
            appendDecoded(begin, end);
            return;
        }
        qsizetype first = begin;
        while (first < end && isSpace(src[first])) {
            ++first;
        }
        runBreaksLine = runBreaksLine || breaksLine(begin, first);
        appendDecoded(begin, first);
        if (first == end) {
            return;
        }
        if (breakPending && !runBreaksLine) {
            const qsizetype at = text.position();
            text.appendBreak(first);
            stack.moveOpenStarts(at, at + 1);
            if (!doc.m_blockBreaks.isEmpty() && doc.m_blockBreaks.last() == at) {
                doc.m_blockBreaks.last() = at + 1;
            }
        }
        seenText = true;
        breakPending = false;
        qsizetype last = end;
        while (isSpace(src[last - 1])) {
            --last;
        }
        runBreaksLine = breaksLine(last, end);
        appendDecoded(first, end);
    };
    QHash<QByteArray, QList<qsizetype>> unknownOpen;
    auto tagName = [&](const Tag &tag) {
        return QString::fromUtf8(src.constData() + tag.nameBegin, tag.nameEnd - tag.nameBegin);
    };
    auto issue = [&](MarkupIssue::Kind kind, const Tag &tag, qsizetype start, qsizetype end) {
        doc.m_issues.append(MarkupIssue{kind, tagName(tag), start, end, tag.begin});
    };

    // The same tags as InputLimits::measure reads: a byte order mark holds no '<'.
    std::optional<InputLimits::TagCounter> limits;
    if (breach) {
        limits.emplace(m_labels.size());
    }
    TagScanner scanner(src, m_labels);
    Tag tag;
    qsizetype pos = doc.m_bodyBegin;
    while (scanner.next(pos, &tag)) {
        if (limits) {
            if ((*breach = limits->add(src, tag))) {
                return Read::PastALimit;
            }
        }
        if (!html && (tag.kind == TagKind::Html || tag.kind == TagKind::Comment)) {
            return Read::HoldsHtml;
        }
        appendText(pos, tag.begin);
        pos = tag.end;
        const qsizetype here = text.position();
        switch (tag.kind) {
        case TagKind::Comment:
            break;
        case TagKind::Html:
            if (tag.block && (doc.m_blockBreaks.isEmpty() || doc.m_blockBreaks.last() != here)) {
                doc.m_blockBreaks.append(here);
            }
            breakPending = breakPending || (tag.block && seenText);
            break;
        case TagKind::Unknown: {
            const QByteArray name(src.constData() + tag.nameBegin, tag.nameEnd - tag.nameBegin);
            if (tag.selfClosing) {
                issue(MarkupIssue::UnknownLabel, tag, here, here);
            } else if (!tag.closing) {
                unknownOpen[name].append(qsizetype(doc.m_issues.size()));
                issue(MarkupIssue::UnknownLabel, tag, here, here);
            } else {
                auto it = unknownOpen.find(name);
                if (it != unknownOpen.end() && !it->isEmpty()) {
                    doc.m_issues[it->takeLast()].end = here;
                } else {
                    issue(MarkupIssue::UnknownLabel, tag, here, here);
                }
            }
            break;
        }
        case TagKind::Entity:
            if (tag.selfClosing) {
                issue(MarkupIssue::SelfClosing, tag, here, here);
            } else if (!tag.closing) {
                stack.open(tag, tag.label, here);
            } else {
                const qsizetype match = stack.latest(tag.label);
                if (match < 0) {
                    issue(MarkupIssue::Stray, tag, here, here);
                    break;
                }
                const OpenTag open = stack.at(match);
                const Tag &openTag = open.tag;
                Span span;
                span.label = m_schema.labels().at(tag.label).name;
                span.start = open.textPos;
                span.end = here;
                span.openTagBegin = openTag.begin;
                span.openTagEnd = openTag.end;
                span.closeTagBegin = tag.begin;
                span.closeTagEnd = tag.end;
                if (openTag.attributesEnd > openTag.attributesBegin) {
                    span.attributes = parseAttributes(
                        QByteArrayView(src).sliced(openTag.attributesBegin, openTag.attributesEnd - openTag.attributesBegin));
                }
                doc.m_spans.append(span);
                const bool crossing = !stack.isInnermost(match);
                if (crossing) {
                    // Closing a tag that is not the innermost one crosses every tag opened after it.
                    doc.m_issues.append(MarkupIssue{MarkupIssue::Crossing, span.label, span.start, span.end, openTag.begin});
                } else if (open.nested && !stack.wasCrossed(match)) {
                    doc.m_issues.append(MarkupIssue{MarkupIssue::Nested, span.label, span.start, span.end, openTag.begin});
                }
                stack.close(tag.label);
            }
            break;
        }
    }
    appendText(pos, src.size());
    text.finish();
    stack.forEachOpen([&](const OpenTag &open) { issue(MarkupIssue::Unclosed, open.tag, open.textPos, open.textPos); });

    // Spans are made in closing order, which is already text order unless tags nest or cross.
    const auto byPosition = [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    };
    if (!std::is_sorted(doc.m_spans.cbegin(), doc.m_spans.cend(), byPosition)) {
        std::stable_sort(doc.m_spans.begin(), doc.m_spans.end(), byPosition);
    }
    // Not on an empty list: begin() would allocate one to detach from the shared empty one.
    if (doc.m_issues.size() > 1) {
        std::stable_sort(doc.m_issues.begin(), doc.m_issues.end(),
                         [](const MarkupIssue &a, const MarkupIssue &b) { return a.sourceOffset < b.sourceOffset; });
    }
    return Read::Done;
}

} // namespace annorev
