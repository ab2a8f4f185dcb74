#include "taggedexporter.h"

#include "exportdocument.h"
#include "jsonstring.h"

namespace annorev::TaggedExporter {

Expected<QByteArray> jsonLine(const ExportDocument &document)
{
    if (document.jsonLine.isEmpty()) {
        return Error{u"document " % document.id % u": it came from a JSON Lines batch but its line is missing"};
    }
    QByteArray out;
    if (!document.edited) {
        out.reserve(document.jsonLine.size() + 1);
        out += document.jsonLine;
        out += '\n';
        return out;
    }
    const qsizetype begin = document.textTokenBegin;
    const qsizetype end = document.textTokenEnd;
    if (begin < 0 || end < begin || end > document.jsonLine.size()) {
        return Error{u"document " % document.id % u": its JSON Lines line has no \"text\" value to replace"};
    }
    out.reserve(document.jsonLine.size() + document.taggedText.size() + 16);
    out += QByteArrayView(document.jsonLine).first(begin);
    JsonString::append(&out, QString::fromUtf8(document.taggedText));
    out += QByteArrayView(document.jsonLine).sliced(end);
    out += '\n';
    return out;
}

bool isSafeRelativePath(const QString &path)
{
    if (path.isEmpty() || path.startsWith(u'/')) {
        return false;
    }
    for (QChar c : path) {
        if (c.unicode() < 0x20 || c == u'\\' || c == u':' || c.unicode() == 0x7f) {
            return false;
        }
    }
    for (QStringView part : QStringView(path).split(u'/')) {
        if (part.isEmpty() || part == u"." || part == u"..") {
            return false;
        }
    }
    return true;
}

} // namespace annorev::TaggedExporter
