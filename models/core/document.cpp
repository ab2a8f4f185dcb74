#include "document.h"

#include "pairedunits.h"
#include "taggedtextparser.h"
#include "utf8.h"

#include <algorithm>

namespace annorev {

Document Document::parse(QByteArray source, const Schema &schema, std::optional<InputLimits::Breach> *breach)
{
    return TaggedTextParser(schema).parse(std::move(source), breach);
}

void Document::PieceTable::appendSteppingUp(const Piece &piece)
{
    const qsizetype index = m_packed.size();
    while (m_textSteps.size() < (piece.textBegin >> 32)) {
        m_textSteps.append(index);
    }
    while (m_sourceSteps.size() < (piece.sourceBegin >> 32)) {
        m_sourceSteps.append(index);
    }
    Q_ASSERT(piece.sourceEnd - piece.sourceBegin < (qsizetype(1) << 31));
    m_packed.append(Packed{quint32(piece.textBegin), quint32(piece.sourceBegin),
                           quint32(piece.sourceEnd - piece.sourceBegin), piece.literal ? 1u : 0u});
}

qsizetype Document::PieceTable::high(const QList<qsizetype> &steps, qsizetype i)
{
    if (steps.isEmpty()) {
        return 0;
    }
    return qsizetype(std::upper_bound(steps.cbegin(), steps.cend(), i) - steps.cbegin()) << 32;
}

qsizetype Document::PieceTable::textBegin(qsizetype i) const
{
    return high(m_textSteps, i) | qsizetype(m_packed[i].textLow);
}

Document::Piece Document::PieceTable::at(qsizetype i) const
{
    const Packed &packed = m_packed.at(i);
    const qsizetype sourceBegin = high(m_sourceSteps, i) | qsizetype(packed.sourceLow);
    return Piece{textBegin(i), sourceBegin, sourceBegin + qsizetype(packed.sourceLength), packed.literal != 0};
}

qsizetype Document::PieceTable::upperBound(qsizetype textPos) const
{
    qsizetype low = 0;
    qsizetype count = m_packed.size();
    while (count > 0) {
        const qsizetype half = count / 2;
        if (textBegin(low + half) <= textPos) {
            low += half + 1;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    return low;
}

qsizetype Document::PieceTable::lowerBound(qsizetype textPos) const
{
    qsizetype low = 0;
    qsizetype count = m_packed.size();
    while (count > 0) {
        const qsizetype half = count / 2;
        if (textBegin(low + half) < textPos) {
            low += half + 1;
            count -= half + 1;
        } else {
            count = half;
        }
    }
    return low;
}

qsizetype Document::sourceOffset(qsizetype textPos, Side side) const
{
    if (m_pieces.isEmpty()) {
        return side == Side::BeforeTags ? m_bodyBegin : m_source.size();
    }
    textPos = std::clamp<qsizetype>(textPos, 0, m_text.size());
    const qsizetype after = m_pieces.upperBound(textPos);
    if (after == 0) {
        return side == Side::BeforeTags ? m_bodyBegin : m_pieces.at(0).sourceBegin;
    }
    const Piece piece = m_pieces.at(after - 1);
    if (textPos == piece.textBegin && side == Side::BeforeTags) {
        return piece.textBegin == 0 ? m_bodyBegin : m_pieces.at(after - 2).sourceEnd;
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
    const qsizetype at = m_pieces.lowerBound(textPos);
    if (at == m_pieces.size()) {
        return false;
    }
    const Piece piece = m_pieces.at(at);
    return piece.textBegin == textPos && !piece.literal && piece.sourceBegin == piece.sourceEnd;
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
