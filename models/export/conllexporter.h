#pragma once

#include <QByteArray>
#include <QList>
#include <QStringView>

namespace annorev {

class Document;

// CoNLL-2003 columns as Label Studio's converter writes them: "TOKEN -X- _ TAG" with IOB2 tags.
// Each document starts with "-DOCSTART- -X- O" and a blank line; each sentence (Sentences: '.',
// '!' or '?' before white space outside abbreviations, blank lines, HTML blocks) ends with a
// blank line.
namespace ConllExporter {

struct Token
{
    qsizetype start = 0;  // UTF-16 units into the text
    qsizetype end = 0;
};

// White space separates tokens. A token is a run of letters, digits and marks, which '.', ',',
// '-', '_', '\'' and '’' join when they stand between two such characters ("7.2", "1,024",
// "NeuroFlex-7B", "don't"); any other character (punctuation, symbols) is a token of its own, as
// in the Treebank tokenizer Label Studio's converter uses. A token never spans a break (an HTML
// block element, which leaves no white space in the plain text).
QList<Token> tokenize(QStringView text, const QList<qsizetype> &breaks = {});

// A token takes the label of the first span (by start) it overlaps: B- on the first token of the
// span in a sentence, I- on the tokens after it; O outside spans.
QByteArray document(const Document &doc);

} // namespace ConllExporter

} // namespace annorev
