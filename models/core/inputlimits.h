#pragma once

#include <QByteArray>
#include <QLatin1StringView>
#include <QString>
#include <QVarLengthArray>

#include <optional>

namespace annorev {

class Schema;

namespace markup {
struct Tag;
}

// The largest input annorev takes (README › Limits). Each bounds memory or time: an input past
// one is refused with an error naming its file and line, and the rest of the batch is read.
namespace InputLimits {

// A document's tagged text: a file of a folder batch, or the text of a JSON Lines line, a doccano
// line or a Label Studio task. A document costs about 3.6 times its size to check (README ›
// Memory), so this keeps one under 250 MB.
inline constexpr qsizetype documentBytes = qsizetype(64) << 20;
// A line of a JSON Lines or doccano file, read before its text is known: JSON escapes may take up
// to six bytes for one of the text's, and this leaves room for four.
inline constexpr qsizetype inputLineBytes = qsizetype(256) << 20;
// A .json file (a Label Studio export, or a document) is read whole and parsed at once.
inline constexpr qsizetype jsonFileBytes = qsizetype(512) << 20;
// The name of a tag: labels and HTML element names are a few bytes long.
inline constexpr qsizetype tagNameBytes = 128;
// Label tags open at once: well-formed markup nests two or three deep.
inline constexpr int nestingDepth = 256;
// Label tags in a document (a span is two): each span and the findings about it take a few
// hundred bytes, so this keeps them under about 300 MB.
inline constexpr qsizetype labelTags = 2'000'000;

// What a document's tagged text breaks: the message, and the line of the text (from 1) where.
struct Breach
{
    int line = 0;
    QString message;
};

// A document of this many bytes is too large: the breach, known before it is read.
std::optional<Breach> measureSize(qint64 bytes);

// The first limit the tagged text breaks, in one pass over its tags; nothing when it keeps them all.
std::optional<Breach> measure(const QByteArray &source, const Schema &schema);

// The tag limits, counted tag by tag in source order as a scan of the text finds its well-formed
// tags (markup::TagScanner): what measure() runs on every tag, and what the parser runs when it
// measures the text in its own pass (Document::parse with a breach to fill).
class TagCounter
{
public:
    explicit TagCounter(qsizetype labels) : m_open(labels, 0) {}
    // The limit broken at this tag, the text's next; nothing while it keeps them all.
    std::optional<Breach> add(const QByteArray &source, const markup::Tag &tag);

private:
    // Per label, its tags open now; their sum is the depth. Closing a label that is not open is a
    // stray tag and changes nothing, as in the parser.
    QVarLengthArray<int, 16> m_open;
    int m_depth = 0;
    qsizetype m_labelTags = 0;
};

// A limit for a message: "64 MiB".
QString mebibytes(qint64 bytes);
// A size past a limit for a message, exact: "64.0 MiB (67,108,865 bytes)".
QString sizeOf(qint64 bytes);
// What an input past a size limit is told: "the line is 300.0 MiB (314,572,798 bytes), more than
// the limit of 256 MiB".
QString pastLimit(QLatin1StringView what, qint64 bytes, qint64 limit);

} // namespace InputLimits

} // namespace annorev
