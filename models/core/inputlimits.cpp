#include "inputlimits.h"

#include "schema.h"
#include "tagscanner.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace annorev {

namespace InputLimits {

namespace {

int lineAt(const QByteArray &source, qsizetype offset)
{
    return int(std::count(source.cbegin(), source.cbegin() + offset, '\n')) + 1;
}

// Whether the tag limits cannot be passed, seen without reading tags: most documents hold fewer
// '<' than the nesting limit, so neither their depth nor their count of label tags can pass it,
// and only a name long enough after a '<' needs a look. The scan of every tag costs a third of a
// parse (8% of `check`); this, a few memchr calls a document.
bool withinLimitsAtAGlance(const QByteArray &source)
{
    const char *end = source.constEnd();
    int lessThans = 0;
    for (const char *p = source.constBegin();
         (p = static_cast<const char *>(std::memchr(p, '<', std::size_t(end - p)))) != nullptr; ++p) {
        if (++lessThans > nestingDepth) {
            return false;
        }
        const char *name = p + 1 < end && p[1] == '/' ? p + 2 : p + 1;
        const char *nameEnd = name;
        while (nameEnd < end && nameEnd - name <= tagNameBytes && markup::isNameChar(*nameEnd)) {
            ++nameEnd;
        }
        if (nameEnd - name > tagNameBytes) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<Breach> measureSize(qint64 bytes)
{
    if (bytes <= documentBytes) {
        return std::nullopt;
    }
    return Breach{0, pastLimit(QLatin1StringView("document"), bytes, documentBytes) %
                         u"; split it into smaller documents"};
}

std::optional<Breach> measure(const QByteArray &source, const Schema &schema)
{
    if (std::optional<Breach> tooLarge = measureSize(source.size())) {
        return tooLarge;
    }
    if (withinLimitsAtAGlance(source)) {
        return std::nullopt;
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

QString pastLimit(QLatin1StringView what, qint64 bytes, qint64 limit)
{
    return u"the " % what % u" is " % sizeOf(bytes) % u", more than the limit of " % mebibytes(limit);
}

} // namespace InputLimits

} // namespace annorev
