#pragma once

#include <QByteArray>

namespace annorev {

// "1 document", "2 documents".
inline QByteArray plural(qsizetype count, const char *one, const char *many)
{
    return QByteArray::number(count) + ' ' + (count == 1 ? one : many);
}

} // namespace annorev
