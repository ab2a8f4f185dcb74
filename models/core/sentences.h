#pragma once

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

// Sentence bounds for positions asked in ascending order, as Sentences::around gives them: a
// position in the sentence of the one before reuses its bounds, so a long sentence holding many
// spans is walked once rather than once per span (linear in the text over all calls).
class Cursor
{
public:
    explicit Cursor(const Document &doc) : m_doc(doc) {}
    Bounds around(qsizetype pos);

private:
    const Document &m_doc;
    qsizetype m_pos = -1;
    Bounds m_bounds;
};

// Whether the '.' at dot ends an abbreviation (U.S., e.g., et al., Fig., vs., Inc.) rather than a
// sentence.
bool isAbbreviationDot(const QString &text, qsizetype dot);

} // namespace Sentences

} // namespace annorev
