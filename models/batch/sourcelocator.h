#pragma once

#include <QByteArray>
#include <QList>

namespace annorev {

// Turns byte offsets into 1-based line and column numbers (columns in code points, as editors
// count characters). Offsets asked in increasing order cost linear time in all, so a document
// with many findings on one long line stays cheap.
class SourceLocator
{
public:
    // Lines::One counts columns from the start of the text whatever newlines it holds.
    enum class Lines { Split, One };
    explicit SourceLocator(const QByteArray &source, qsizetype bodyBegin = 0, Lines lines = Lines::Split);

    struct Location
    {
        qsizetype line = 1;
        qsizetype column = 1;
    };
    Location locate(qsizetype byteOffset);

private:
    const QByteArray &m_source;
    QList<qsizetype> m_lineStarts;
    qsizetype m_cursorOffset = -1;
    Location m_cursor;
};

} // namespace annorev
