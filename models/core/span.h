#pragma once

#include <QList>
#include <QString>

#include <algorithm>
#include <memory>

namespace annorev {

struct TagAttribute
{
    QString name;
    QString value;
    friend bool operator==(const TagAttribute &, const TagAttribute &) = default;
};

// A span's attributes, kept out of line: most spans have none, and an empty QList would still
// take 24 bytes in each of a dense document's millions of spans. Reads as a QList<TagAttribute>.
class TagAttributes
{
public:
    TagAttributes() = default;
    TagAttributes(QList<TagAttribute> list) { *this = std::move(list); }
    TagAttributes(const TagAttributes &other) { *this = other; }
    TagAttributes(TagAttributes &&) noexcept = default;
    TagAttributes &operator=(const TagAttributes &other)
    {
        if (this != &other) {
            m_list = other.m_list ? std::make_unique<QList<TagAttribute>>(*other.m_list) : nullptr;
        }
        return *this;
    }
    TagAttributes &operator=(TagAttributes &&) noexcept = default;
    TagAttributes &operator=(QList<TagAttribute> list)
    {
        m_list = list.isEmpty() ? nullptr : std::make_unique<QList<TagAttribute>>(std::move(list));
        return *this;
    }
    operator QList<TagAttribute>() const { return m_list ? *m_list : QList<TagAttribute>(); }

    bool isEmpty() const { return !m_list; }
    qsizetype size() const { return m_list ? m_list->size() : 0; }
    const TagAttribute *begin() const { return m_list ? m_list->constData() : nullptr; }
    const TagAttribute *end() const { return m_list ? m_list->constData() + m_list->size() : nullptr; }

    friend bool operator==(const TagAttributes &a, const TagAttributes &b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }
    friend bool operator==(const TagAttributes &a, const QList<TagAttribute> &b)
    {
        return std::equal(a.begin(), a.end(), b.cbegin(), b.cend());
    }

private:
    std::unique_ptr<QList<TagAttribute>> m_list; // null when there are none
};

// One entity span. Offsets are UTF-16 units into the document's plain text ([start, end));
// the tag positions are byte offsets into the tagged source.
struct Span
{
    QString label; // the schema's interned label name: a copy neither allocates nor counts a reference
    qsizetype start = 0;
    qsizetype end = 0;
    TagAttributes attributes;
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

// Lists of spans grow by moving their memory (realloc) rather than by copying each span.
Q_DECLARE_TYPEINFO(annorev::TagAttributes, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(annorev::Span, Q_RELOCATABLE_TYPE);
