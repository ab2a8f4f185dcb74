#pragma once

#include "adjudication.h"
#include "batchreader.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace annorev {

class Schema;

// One document of `annorev adjudicate`: its versions in N batches merged by Adjudication, and
// the JSON Lines line of the result. The document's plain text is the one most versions have (of
// equally common ones, the earlier batch's); a version with another text cannot be compared by
// offsets and is left out, like a missing one. The base is the first batch's version with that
// text: its source is edited (DocumentEditor) to hold the accepted spans, so its markup, line ends
// and the attributes of the spans it keeps stay as they are. When its tags cannot be edited in
// place (an unclosed tag nests everything after it, and the editor refuses to guess), the document
// is written as its plain text with the accepted spans as tags, if that reads back as exactly
// that text and those spans; a warning says so.
struct DocumentMerge
{
    QString id;
    int base = -1;             // the batch whose version was edited
    QList<int> missing;        // batches without the document
    QList<int> textDiffers;    // batches whose version has another text
    Adjudication adjudication; // offsets in code points
    QByteArray line;           // {"id": ID, "text": TAGGED TEXT} and a line feed; empty on error
    QString warning;           // the document was written from its plain text, and why
    QString error;             // why the merged document could not be made

    static DocumentMerge of(const QString &id, const QList<std::optional<SourceEntry>> &versions, const Schema &schema,
                            int minAgree);
};

} // namespace annorev
