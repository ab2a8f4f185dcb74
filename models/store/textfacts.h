#pragma once

#include "documentfacts.h"
#include "suggestiondisagreement.h"

#include <QByteArray>
#include <QString>

namespace annorev {

class Checker;
class Document;
struct CheckResult;
class Schema;

// What a store keeps about a tagged text besides the text: the facts of the checked version
// (DocumentFacts), its plain text, which the window searches, and its spans, which a document's
// model suggestions are matched against (SuggestionDisagreement).
struct TextFacts
{
    DocumentFacts facts;
    QString plainText;
    QList<SpanKey> spans;

    static TextFacts of(const Document &doc, const CheckResult &result);
    // Parses and checks the text first.
    static TextFacts of(const QByteArray &taggedText, const Schema &schema, const Checker &checker);
};

} // namespace annorev
