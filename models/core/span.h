#pragma once

#include <QList>
#include <QString>

namespace annorev {

struct TagAttribute
{
    QString name;
    QString value;
    friend bool operator==(const TagAttribute &, const TagAttribute &) = default;
};

// One entity span. Offsets are UTF-16 units into the document's plain text ([start, end));
// the tag positions are byte offsets into the tagged source.
struct Span
{
    QString label;
    qsizetype start = 0;
    qsizetype end = 0;
    QList<TagAttribute> attributes;
    qsizetype openTagBegin = 0;
    qsizetype openTagEnd = 0;
    qsizetype closeTagBegin = 0;
    qsizetype closeTagEnd = 0;

    qsizetype length() const { return end - start; }
    QString attribute(QStringView name) const;
    // record="N" (counted from 1), or 0 when absent or not a positive integer.
    int recordAttribute() const;
};

} // namespace annorev
