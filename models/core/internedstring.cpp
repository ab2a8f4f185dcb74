#include "internedstring.h"

#include <QMutex>
#include <QSet>

namespace annorev {

QString internedString(QStringView text)
{
    static QMutex mutex;
    static auto *kept = new QSet<QString>; // never freed: the raw strings handed out point into it
    const QMutexLocker lock(&mutex);
    auto it = kept->constFind(text.toString());
    if (it == kept->constEnd()) {
        it = kept->insert(text.toString());
    }
    return QString::fromRawData(it->constData(), it->size());
}

} // namespace annorev
