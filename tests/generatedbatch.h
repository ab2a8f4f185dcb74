#pragma once

// A batch like the benchmarks': annorev-genbatch (ANNOREV_GENBATCH, defined for the tests that
// build it first) writes seeded documents with faults, HTML and escapes of every kind.

#include <QProcess>
#include <QString>
#include <QStringList>

namespace annorev::test {

// Writes count documents from seed to path as JSON Lines; the error, or nothing.
inline QString generateBatch(const QString &path, quint64 seed, qsizetype count)
{
    QProcess genbatch;
    genbatch.start(QStringLiteral(ANNOREV_GENBATCH),
                   {QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--count"), QString::number(count),
                    QStringLiteral("--out"), path});
    if (!genbatch.waitForFinished(120000) || genbatch.exitCode() != 0) {
        return QStringLiteral("annorev-genbatch failed: ") + QString::fromUtf8(genbatch.readAllStandardError());
    }
    return {};
}

} // namespace annorev::test
