#include "sourcelocator.h"

#include <algorithm>
#include <cstring>

namespace annorev {

SourceLocator::SourceLocator(const QByteArray &source, qsizetype bodyBegin, Lines lines) : m_source(source)
{
    m_lineStarts.append(bodyBegin);
    if (lines == Lines::One) {
        return;
    }
    const char *data = source.constData();
    qsizetype pos = bodyBegin;
    while (pos < source.size()) {
        const void *hit = std::memchr(data + pos, '\n', std::size_t(source.size() - pos));
        if (!hit) {
            break;
        }
        pos = static_cast<const char *>(hit) - data + 1;
        m_lineStarts.append(pos);
    }
}

SourceLocator::Location SourceLocator::locate(qsizetype byteOffset)
{
    byteOffset = std::clamp<qsizetype>(byteOffset, m_lineStarts.first(), m_source.size());
    const auto next = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), byteOffset);
    const qsizetype line = next - m_lineStarts.cbegin();
    const qsizetype lineStart = *std::prev(next);
    qsizetype from = lineStart;
    qsizetype column = 1;
    const char *data = m_source.constData();
    if (m_cursorOffset >= lineStart && m_cursor.line == line) {
        if (m_cursorOffset <= byteOffset) {
            from = m_cursorOffset;
            column = m_cursor.column;
        } else if (m_cursorOffset - byteOffset < byteOffset - lineStart) {
            // A step back (a tag's finding after the text's at the same position): count back
            // from the cursor, or a long single line would be counted from its start each time.
            column = m_cursor.column;
            for (qsizetype i = byteOffset; i < m_cursorOffset; ++i) {
                if ((static_cast<unsigned char>(data[i]) & 0xc0) != 0x80) {
                    --column;
                }
            }
            m_cursorOffset = byteOffset;
            m_cursor = Location{line, column};
            return m_cursor;
        }
    }
    // Count every byte that starts a character (not a UTF-8 continuation byte, 10xxxxxx), eight
    // at a time: a byte's top bit and the complement of the next bit, shifted up to it, mark a
    // continuation byte. The marks are added up per byte (no population count in baseline
    // x86-64) and summed across before a byte's count can pass 255.
    qsizetype i = from;
    while (i + 8 <= byteOffset) {
        const qsizetype blockEnd = std::min(byteOffset, i + 8 * 255);
        quint64 continuations = 0;
        for (quint64 word = 0; i + 8 <= blockEnd; i += 8) {
            std::memcpy(&word, data + i, sizeof word);
            continuations += (word & ~(word << 1) & 0x8080'8080'8080'8080ULL) >> 7;
            column += 8;
        }
        const quint64 pairs = (continuations & 0x00ff'00ff'00ff'00ffULL) + ((continuations >> 8) & 0x00ff'00ff'00ff'00ffULL);
        column -= qsizetype((pairs * 0x0001'0001'0001'0001ULL) >> 48);
    }
    for (; i < byteOffset; ++i) {
        if ((static_cast<unsigned char>(data[i]) & 0xc0) != 0x80) {
            ++column;
        }
    }
    m_cursorOffset = byteOffset;
    m_cursor = Location{line, column};
    return m_cursor;
}

} // namespace annorev
