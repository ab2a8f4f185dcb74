#pragma once

// Checked samples and a model's columns as text, for the item model tests. Header-only:
// ANNOREV_SAMPLES_DIR is defined per test target.

#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "schema.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QFile>
#include <QStringList>

namespace annorev::test {

inline constexpr int testYear = 2026;

struct Checked
{
    Document doc;
    CheckResult result;
};

inline Checked check(const QByteArray &source)
{
    Checked checked{Document::parse(source, Schema::builtin()), {}};
    checked.result = Checker(Schema::builtin(), CountryAliases::builtin(), testYear).check(checked.doc);
    return checked;
}

inline QByteArray readSample(const QString &name)
{
    QFile file(QStringLiteral(ANNOREV_SAMPLES_DIR) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read sample %s", qPrintable(name));
    }
    return file.readAll();
}

inline QStringList sampleNames()
{
    return QDir(QStringLiteral(ANNOREV_SAMPLES_DIR)).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
}

// One column of a model as text, rows joined with '|'.
inline QString column(const QAbstractItemModel &model, int column, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row) {
        values << model.index(row, column).data(role).toString();
    }
    return values.join(u'|');
}

} // namespace annorev::test
