#pragma once

#include <QList>
#include <QString>

namespace annorev {

class Document;

// Sentence bounds in the plain text. A sentence ends at '.', '!' or '?' followed by white space
// (not after an abbreviation such as U.S., e.g., et al., Fig., vs.), at a blank line and at an
// HTML block element; a single newline does not end one. Works locally around a position, so
// asking about one span does not walk the whole document.
namespace Sentences {

struct Bounds
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

Bounds around(const Document &doc, qsizetype pos);

// Every sentence bound of a document, found in one pass, for callers that ask about many
// positions: around() answers as Sentences::around does, by binary search, so a long sentence
// holding many spans is not walked once per span.
class Index
{
public:
    explicit Index(const Document &doc);
    Bounds around(qsizetype pos) const;

private:
    const Document &m_doc;
    QList<qsizetype> m_begins; // positions a backward walk stops at, within each block
    QList<qsizetype> m_ends;   // positions a forward walk stops at
};

// Whether the '.' at dot ends an abbreviation (U.S., e.g., et al., Fig., vs., Inc.) rather than a
// sentence.
bool isAbbreviationDot(const QString &text, qsizetype dot);

} // namespace Sentences

} // namespace annorev
