#pragma once

#include <QByteArray>
#include <QList>

namespace annorev::bench {

class SeededRandom;

// A document's lines as HTML paragraphs, escaped, some documents with named entities for dashes
// and accents and some with the paragraphs on one line.
QByteArray toHtml(SeededRandom &rng, const QList<QByteArray> &lines);

} // namespace annorev::bench
