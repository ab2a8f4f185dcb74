#include "internedstring.h"

#include <QMutex>
#include <QSet>

namespace annorev {

QString internedString(QStringView text)
{
    static QMutex mutex;
    static auto *kept = new QSet<QString>; // never freed: the raw strings handed out point into it
    const QMutexLocker lock(&mutex);
    const QString key = text.toString();
    auto it = kept->constFind(key);
    if (it == kept->constEnd()) {
        it = kept->insert(key);
    }
    return QString::fromRawData(it->constData(), it->size());
}

} // namespace annorev
