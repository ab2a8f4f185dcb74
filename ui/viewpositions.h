#pragma once

#include <QList>
#include <QString>

namespace annorev {

// The text a QTextDocument is given for a document's plain text, and the positions between the
// two. QTextDocument makes each "\r\n" one block separator (a lone '\r', '\n', U+2029 and the
// frame markers are one position each, as are U+2028, NUL and each half of a surrogate pair), so
// every position after a CRLF would be one off per CRLF: the view holds U+2029 for each "\r\n"
// and converts at its boundary. Conversions are binary searches over the CRLFs.
class ViewPositions
{
public:
    ViewPositions() = default;
    explicit ViewPositions(const QString &text);

    // What the view shows: the text with each "\r\n" as U+2029 (not "\n": "\r\r\n" would pair again).
    const QString &viewText() const { return m_view; }

    // The view position of a text position; between the '\r' and '\n' of a CRLF is after the break.
    qsizetype toView(qsizetype textPos) const;
    // The text position of a view position: a line break of a CRLF is its '\r'.
    qsizetype toText(qsizetype viewPos) const;

private:
    QString m_view;
    QList<qsizetype> m_crlf; // text positions of each CRLF's '\r'
};

} // namespace annorev
