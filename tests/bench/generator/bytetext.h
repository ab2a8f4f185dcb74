#pragma once

#include "vocabulary.h"

#include <QByteArray>
#include <QList>

namespace annorev::bench {

// The generator writes UTF-8 bytes throughout: these append its words and numbers to them.

inline void put(QByteArray &out, Sv text)
{
    out.append(text.data(), static_cast<qsizetype>(text.size()));
}

inline QByteArray bytes(Sv text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// 1234567 as "1,234,567".
inline QByteArray grouped(qint64 value)
{
    QByteArray digits = QByteArray::number(value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, ',');
    }
    return digits;
}

// 873 as "87.3".
inline QByteArray tenths(qint64 value)
{
    return QByteArray::number(value / 10) + '.' + QByteArray::number(value % 10);
}

inline QList<qsizetype> occurrences(const QByteArray &text, const QByteArray &needle)
{
    QList<qsizetype> found;
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.size())) {
        found.append(at);
    }
    return found;
}

} // namespace annorev::bench
