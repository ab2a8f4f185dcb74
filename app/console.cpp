#include "console.h"

#include <QStringBuilder>

#include <cstdio>

namespace annorev::Console {

void out(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
}

void err(const QByteArray &bytes)
{
    std::fflush(stdout);
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
}

void error(const QString &message)
{
    err("annorev: error: " + message.toUtf8() + '\n');
}

void flush()
{
    std::fflush(stdout);
    std::fflush(stderr);
}

// One change of the log, or one hit of tag, is one line: a line break, or anything a terminal or a
// pager could take for one, inside a note, an id, a reviewer or a hit's text is written as an escape, and so is the
// backslash that starts them: \\, \n, \r, \t, and \uXXXX for other control characters (C0, DEL,
// C1 such as U+0085) and for U+2028 and U+2029.
QByteArray escaped(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            if (u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029) {
                out += u"\\u" % QString::number(u, 16).rightJustified(4, u'0');
            } else {
                out += c;
            }
        }
    }
    return out.toUtf8();
}

} // namespace annorev::Console
