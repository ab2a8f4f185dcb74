#include "bratnames.h"

#include <QSet>

namespace annorev::BratNames {

namespace {

constexpr qsizetype maxStemBytes = 120;

bool isReserved(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0) ||
           QStringView(u"/\\:*?\"<>|").contains(c);
}

bool isWindowsDeviceName(QStringView stem)
{
    // Windows reserves these names with any extension too ("CON.txt").
    const QStringView base = stem.left(stem.indexOf(u'.') < 0 ? stem.size() : stem.indexOf(u'.'));
    for (const char16_t *name : {u"CON", u"PRN", u"AUX", u"NUL", u"CONIN$", u"CONOUT$"}) {
        if (base.compare(QStringView(name), Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    if (base.size() == 4 && (base.startsWith(u"COM", Qt::CaseInsensitive) || base.startsWith(u"LPT", Qt::CaseInsensitive))) {
        const QChar digit = base.at(3);
        return digit.isDigit() || digit == u'\u00b9' || digit == u'\u00b2' || digit == u'\u00b3';
    }
    return false;
}

} // namespace

QString safeStem(const QString &id)
{
    QString stem;
    stem.reserve(id.size());
    for (QChar c : id) {
        if (isReserved(c)) {
            stem += u'_';
        } else if (c == u'.' && stem.endsWith(u'.')) {
            continue;
        } else {
            stem += c;
        }
    }
    for (QStringView extension : {u".txt", u".html", u".htm"}) {
        if (stem.size() > extension.size() && stem.endsWith(extension, Qt::CaseInsensitive)) {
            stem.chop(extension.size());
            break;
        }
    }
    qsizetype begin = 0;
    while (begin < stem.size() && (stem.at(begin) == u'.' || stem.at(begin) == u' ')) {
        ++begin;
    }
    stem.remove(0, begin);
    // Cut by whole code points so that no surrogate is split.
    while (stem.toUtf8().size() > maxStemBytes) {
        stem.chop(stem.size() >= 2 && stem.at(stem.size() - 1).isLowSurrogate() ? 2 : 1);
    }
    while (!stem.isEmpty() && (stem.endsWith(u'.') || stem.endsWith(u' '))) {
        stem.chop(1);
    }
    if (stem.isEmpty()) {
        return QStringLiteral("document");
    }
    if (isWindowsDeviceName(stem)) {
        stem.prepend(u'_');
    }
    return stem;
}

QStringList uniqueStems(const QStringList &ids)
{
    QStringList stems;
    stems.reserve(ids.size());
    QSet<QString> taken;
    for (const QString &id : ids) {
        const QString stem = safeStem(id);
        QString name = stem;
        for (int n = 2; taken.contains(name.toCaseFolded()); ++n) {
            name = stem % u'-' % QString::number(n);
        }
        taken.insert(name.toCaseFolded());
        stems.append(name);
    }
    return stems;
}

} // namespace annorev::BratNames
