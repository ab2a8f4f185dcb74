#pragma once

#include "vocabulary.h"

#include <QByteArray>

namespace annorev::bench {

class SeededRandom;
class TemplateFiller;

// The faults that are easier to make in a finished text than while writing it.

// A sentence with a label the schema does not know, naming the accelerator or another thing.
QByteArray unknownLabelSentence(SeededRandom &rng, const TemplateFiller &filler, const Accelerator &accelerator);
// One tagged mention of the model after the first loses its tags (or an untagged one is added).
void untagOneModelMention(SeededRandom &rng, TemplateFiller &filler, const QByteArray &model, QByteArray &text);
// White space inside one span, after its opening tag or before its closing tag.
void padOneSpan(SeededRandom &rng, QByteArray &text);
void dropOneClosingTag(SeededRandom &rng, QByteArray &text);
// UTF-8 read as Windows-1252 and written again as UTF-8.
void mojibake(QByteArray &text);

} // namespace annorev::bench
