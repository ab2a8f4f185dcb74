#pragma once

#include <QList>
#include <QString>

namespace annorev {

// What one span's text normalises to. Counts, hours and years are in number; names in text.
struct SpanValue
{
    double number = 0;
    QString text;
    bool parsed = false;
    bool approximate = false;
};

// The facts about one model: the spans that belong to it (indexes into Document::spans()).
struct Record
{
    QString model;  // empty when the document has spans but no model span
    QList<qsizetype> spans;
};

} // namespace annorev

// Lists of values and records grow by moving their memory rather than by moving each element.
Q_DECLARE_TYPEINFO(annorev::SpanValue, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(annorev::Record, Q_RELOCATABLE_TYPE);
