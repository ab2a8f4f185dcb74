#pragma once

#include "inputlimits.h"
#include "markupissue.h"
#include "span.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace annorev {

class Schema;

// A tagged document: its source bytes as read (kept so that an unedited document is written back
// byte for byte), the plain text with the tags taken out, and the spans the tags make.
class Document
{
public:
    // A run of plain text and its source bytes. Literal runs map byte for byte through UTF-8; an
    // entity run is one decoded character reference or a '\n' for block markup (no bytes of its own).
    struct Piece
    {
        qsizetype textBegin = 0;
        qsizetype sourceBegin = 0;
        qsizetype sourceEnd = 0;
        bool literal = true;
    };

    // The pieces of a document, 12 bytes each rather than 32: a dense document has a piece for
    // every tag. Positions keep their low 32 bits; the few places where the high bits step up
    // are listed apart (none below 4 GiB).
    class PieceTable
    {
    public:
        void reserve(qsizetype size) { m_packed.reserve(size); }
        // Inline for the common case, a document under 4 GiB: the parser appends a piece for every
        // run of text between two tags.
        void append(const Piece &piece)
        {
            if ((piece.textBegin >> 32) != m_textSteps.size() || (piece.sourceBegin >> 32) != m_sourceSteps.size()) {
                appendSteppingUp(piece);
                return;
            }
            Q_ASSERT(piece.sourceEnd - piece.sourceBegin < (qsizetype(1) << 31));
            m_packed.emplaceBack(Packed{quint32(piece.textBegin), quint32(piece.sourceBegin),
                                        quint32(piece.sourceEnd - piece.sourceBegin), piece.literal ? 1u : 0u});
        }
        Piece at(qsizetype i) const;
        qsizetype size() const { return m_packed.size(); }
        bool isEmpty() const { return m_packed.isEmpty(); }
        // The first piece that begins after textPos (size() if none).
        qsizetype upperBound(qsizetype textPos) const;
        // The first piece that does not begin before textPos (size() if none).
        qsizetype lowerBound(qsizetype textPos) const;

    private:
        struct Packed
        {
            quint32 textLow;
            quint32 sourceLow;
            quint32 sourceLength : 31; // a literal piece is at most a few kilobytes, an entity shorter
            quint32 literal : 1;
        };
        void appendSteppingUp(const Piece &piece);
        static qsizetype high(const QList<qsizetype> &steps, qsizetype i);
        qsizetype textBegin(qsizetype i) const;
        QList<Packed> m_packed;
        QList<qsizetype> m_textSteps;   // the first piece whose text position's high bits are k + 1
        QList<qsizetype> m_sourceSteps; // the same for source positions
    };

    // With breach, for a text whose tag limits were not measured before (InputLimits::measure,
    // its size limit aside): they are counted in the parse's own pass over the tags, and a text
    // past one gives an empty document and sets *breach to the limit and where.
    static Document parse(QByteArray source, const Schema &schema,
                          std::optional<InputLimits::Breach> *breach = nullptr);

    const QByteArray &source() const { return m_source; }
    const QString &text() const { return m_text; }
    const QList<Span> &spans() const { return m_spans; }
    const QList<MarkupIssue> &markupIssues() const { return m_issues; }
    // Plain-text positions where HTML block markup stood (after its '\n'): they end lines and sentences.
    const QList<qsizetype> &blockBreaks() const { return m_blockBreaks; }
    bool hasHtmlMarkup() const { return m_hasHtml; }
    bool hadInvalidUtf8() const { return m_invalidUtf8; }
    // U+FFFD (bytes that were not UTF-8) or a character from U+00C2 to U+00F4 (the lead bytes of
    // UTF-8 read as Windows-1252): what encoding-suspect reports, or starts reading mojibake at.
    static constexpr bool mayStartMojibake(char32_t c) { return (c >= 0xc2 && c <= 0xf4) || c == 0xfffd; }
    // Whether the text holds such a character: without one, it holds no mojibake, and
    // encoding-suspect need not read it.
    bool mayHoldMojibake() const { return m_mayHoldMojibake; }
    bool hasByteOrderMark() const { return m_bom; }
    // Where the text starts in the source: after a byte order mark, if there is one.
    qsizetype bodyBegin() const { return m_bodyBegin; }

    // Byte offset in the source of the plain-text character at textPos (textPos == text().size()
    // maps to the end of the last piece). sticky=After places it after tags that end right there.
    enum class Side { BeforeTags, AfterTags };
    qsizetype sourceOffset(qsizetype textPos, Side side = Side::AfterTags) const;
    bool isBlockBreak(qsizetype textPos) const;
    // Whether text()[textPos] is a '\n' that stands for block markup, with no bytes of its own.
    bool isInsertedBreak(qsizetype textPos) const;

    QString spanText(const Span &span) const { return m_text.mid(span.start, span.end - span.start); }

    // Unicode code points of text()[0, utf16Pos): offsets that leave the program are counted so.
    qsizetype codePointOffset(qsizetype utf16Pos) const;
    // The inverse: the UTF-16 position of a code point offset (clamped to the text).
    qsizetype utf16Offset(qsizetype codePointPos) const;
    bool hasAstralCharacters() const { return !m_astral.isEmpty(); }

private:
    friend class TaggedTextParser;
    QByteArray m_source;
    QString m_text;
    QList<Span> m_spans;
    QList<MarkupIssue> m_issues;
    QList<qsizetype> m_blockBreaks;
    PieceTable m_pieces;
    QList<qsizetype> m_astral; // positions of surrogate pairs in m_text
    qsizetype m_bodyBegin = 0;
    bool m_hasHtml = false;
    bool m_invalidUtf8 = false;
    bool m_mayHoldMojibake = false;
    bool m_bom = false;
};

} // namespace annorev
