#pragma once

// Helpers the tests share: running the built annorev, reading and writing files. Header-only:
// ANNOREV_BINARY and ANNOREV_SAMPLES_DIR are defined per test target.

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QStringList>

namespace annorev::test {

struct CliRun
{
    int exitCode = -1; // -1 when the process crashed or did not finish in time
    QByteArray out;
    QByteArray err;
};

inline CliRun runAnnorev(const QStringList &arguments,
                         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                         const QString &workingDirectory = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty()) {
        process.setWorkingDirectory(workingDirectory);
    }
    process.start(QStringLiteral(ANNOREV_BINARY), arguments);
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  process.readAllStandardOutput(), process.readAllStandardError()};
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

// Copies the sample batch's files into folder (created), so that a test may change them or keep a
// store beside them. False when a file cannot be copied.
inline bool copySamples(const QString &folder)
{
    const QDir samples(QStringLiteral(ANNOREV_SAMPLES_DIR));
    QDir().mkpath(folder);
    for (const QString &name : samples.entryList(QDir::Files)) {
        if (!QFile::copy(samples.filePath(name), folder + u'/' + name)) {
            return false;
        }
    }
    return true;
}

// Every file below a folder, relative path -> bytes.
inline QMap<QString, QByteArray> readTree(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files.insert(QDir(root).relativeFilePath(path), readFile(path));
    }
    return files;
}

} // namespace annorev::test
