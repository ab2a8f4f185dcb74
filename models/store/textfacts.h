#pragma once

#include "checkreport.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace annorev {

class Checker;
class Document;
struct Finding;
class Schema;

// What a store keeps about a tagged text besides the text: its finding counts, the labels and
// rules it has (space-separated, sorted) and its plain text, which the window searches.
struct TextFacts
{
    CheckReport::Counts counts;
    QString labels;
    QString rules;
    QString plainText;

    static TextFacts of(const Document &doc, const QList<Finding> &findings);
    // Parses and checks the text first.
    static TextFacts of(const QByteArray &taggedText, const Schema &schema, const Checker &checker);
};

} // namespace annorev
