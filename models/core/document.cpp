#include "document.h"

#include "pairedunits.h"
#include "taggedtextparser.h"
#include "utf8.h"

#include <algorithm>

namespace annorev {

Document Document::parse(QByteArray source, const Schema &schema)
{
    return TaggedTextParser(schema).parse(std::move(source));
}

qsizetype Document::sourceOffset(qsizetype textPos, Side side) const
{
    if (m_pieces.isEmpty()) {
        return side == Side::BeforeTags ? m_bodyBegin : m_source.size();
    }
    textPos = std::clamp<qsizetype>(textPos, 0, m_text.size());
    auto after = std::upper_bound(m_pieces.cbegin(), m_pieces.cend(), textPos,
                                  [](qsizetype pos, const Piece &piece) { return pos < piece.textBegin; });
    if (after == m_pieces.cbegin()) {
        return side == Side::BeforeTags ? m_bodyBegin : m_pieces.first().sourceBegin;
    }
    const Piece &piece = *std::prev(after);
    if (textPos == piece.textBegin && side == Side::BeforeTags) {
        return piece.textBegin == 0 ? m_bodyBegin : std::prev(after, 2)->sourceEnd;
    }
    if (!piece.literal) {
        return textPos == piece.textBegin ? piece.sourceBegin : piece.sourceEnd;
    }
    const auto *data = reinterpret_cast<const unsigned char *>(m_source.constData());
    qsizetype pos = piece.sourceBegin;
    qsizetype units = piece.textBegin;
    while (units < textPos && pos < piece.sourceEnd) {
        char32_t codePoint = 0;
        pos += Utf8::decode(data + pos, data + piece.sourceEnd, &codePoint);
        units += Utf8::utf16Length(codePoint);
    }
    return pos;
}

bool Document::isBlockBreak(qsizetype textPos) const
{
    return std::binary_search(m_blockBreaks.cbegin(), m_blockBreaks.cend(), textPos);
}

bool Document::isInsertedBreak(qsizetype textPos) const
{
    const auto piece = std::lower_bound(m_pieces.cbegin(), m_pieces.cend(), textPos,
                                        [](const Piece &p, qsizetype pos) { return p.textBegin < pos; });
    return piece != m_pieces.cend() && piece->textBegin == textPos && !piece->literal &&
           piece->sourceBegin == piece->sourceEnd;
}

qsizetype Document::codePointOffset(qsizetype utf16Pos) const
{
    return PairedUnits::toShort(m_astral, utf16Pos);
}

qsizetype Document::utf16Offset(qsizetype codePointPos) const
{
    return std::clamp<qsizetype>(PairedUnits::toLong(m_astral, codePointPos), 0, m_text.size());
}

} // namespace annorev
