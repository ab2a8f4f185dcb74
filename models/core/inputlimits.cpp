#include "inputlimits.h"

#include "schema.h"
#include "tagscanner.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>

namespace annorev {

namespace InputLimits {

namespace {

int lineAt(const QByteArray &source, qsizetype offset)
{
    return int(std::count(source.cbegin(), source.cbegin() + offset, '\n')) + 1;
}

} // namespace

std::optional<Breach> measureSize(qint64 bytes)
{
    if (bytes <= documentBytes) {
        return std::nullopt;
    }
    return Breach{0, u"the document is " % sizeOf(bytes) % u", more than the limit of " % mebibytes(documentBytes) %
                         u"; split it into smaller documents"};
}

std::optional<Breach> measure(const QByteArray &source, const Schema &schema)
{
    if (std::optional<Breach> tooLarge = measureSize(source.size())) {
        return tooLarge;
    }
    const QList<QByteArray> &labels = schema.labelBytes();
    // Per label, its tags open now; their sum is the depth. Closing a label that is not open
    // is a stray tag and changes nothing, as in the parser.
    QVarLengthArray<int, 16> open(labels.size(), 0);
    int depth = 0;
    qsizetype labelTagCount = 0;
    markup::TagScanner scanner(source, labels);
    markup::Tag tag;
    qsizetype pos = 0;
    while (scanner.next(pos, &tag)) {
        pos = tag.end;
        const qsizetype nameLength = tag.nameEnd - tag.nameBegin;
        if (nameLength > tagNameBytes) {
            return Breach{lineAt(source, tag.begin), u"a tag's name is " % QString::number(nameLength) %
                                                          u" bytes long, more than the limit of " %
                                                          QString::number(tagNameBytes)};
        }
        if (tag.kind != markup::TagKind::Entity && tag.kind != markup::TagKind::Unknown) {
            continue;
        }
        if (++labelTagCount > labelTags) {
            return Breach{lineAt(source, tag.begin),
                          u"the document has more than " % QString::number(labelTags) %
                              u" label tags (the limit), counted up to here; split it into smaller documents"};
        }
        if (tag.kind != markup::TagKind::Entity || tag.selfClosing) {
            continue;
        }
        int &ofLabel = open[tag.label];
        if (!tag.closing) {
            ++ofLabel;
            if (++depth > nestingDepth) {
                return Breach{lineAt(source, tag.begin),
                              u"more than " % QString::number(nestingDepth) %
                                  u" label tags are open at once here (the limit of nesting)"};
            }
        } else if (ofLabel > 0) {
            --ofLabel;
            --depth;
        }
    }
    return std::nullopt;
}

QString mebibytes(qint64 bytes)
{
    Q_ASSERT(bytes % (1 << 20) == 0);
    return QString::number(bytes >> 20) % u" MiB";
}

QString sizeOf(qint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', 1) % u" MiB (" %
           QLocale(QLocale::English).toString(bytes) % u" bytes)";
}

} // namespace InputLimits

} // namespace annorev
