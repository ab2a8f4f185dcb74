#pragma once

// Helpers the tests share: running the built annorev, reading and writing files, the sample
// batch, reading a store's SQLite file. Header-only: ANNOREV_BINARY and ANNOREV_SAMPLES_DIR are
// defined per test target.

#include "expectedsupport.h"
#include "reviewstore.h"
#include "schema.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariant>

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

// A copy of the sample batch in dir/samples, so that a store written beside it stays in dir.
inline QString copySamples(const QTemporaryDir &dir)
{
    const QString batch = dir.filePath(QStringLiteral("samples"));
    if (!copySamples(batch)) {
        qFatal("cannot copy the samples to %s", qPrintable(batch));
    }
    return batch;
}

// The environment for an annorev child that must not see the user's settings: its settings
// folder is dir/config and the OS user is "tester".
inline QProcessEnvironment isolatedEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    return environment;
}

// Opens the store at path; nothing when it cannot be opened (the reason is printed).
inline std::unique_ptr<ReviewStore> openedStore(const QString &path)
{
    Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(path);
    if (!store) {
        qWarning("cannot open the store %s: %s", qPrintable(path), qPrintable(store.error().message));
        return nullptr;
    }
    return std::move(*store);
}

// The audit rows of the store at path, oldest first, "id action reviewer" each; those with the
// action given only (as "id reviewer"), when one is.
inline QStringList auditRows(const QString &path, const QString &action = {})
{
    QStringList rows;
    const std::unique_ptr<ReviewStore> store = openedStore(path);
    if (!store) {
        return rows;
    }
    for (const ReviewStore::AuditEntry &entry : *store->auditLog()) {
        if (action.isEmpty()) {
            rows << entry.documentId + u' ' + entry.action + u' ' + entry.reviewer;
        } else if (entry.action == action) {
            rows << entry.documentId + u' ' + entry.reviewer;
        }
    }
    return rows;
}

// The reviewer's version of a document in the store at path (empty when there is none).
inline QByteArray storedTaggedText(const QString &path, const QString &id)
{
    const std::unique_ptr<ReviewStore> store = openedStore(path);
    if (!store) {
        return {};
    }
    const Expected<ReviewStore::StoredDocument> doc = store->document(id);
    return doc ? doc->taggedText : QByteArray();
}

// Opens the store of batch (beside it) and syncs it as the window and the commands do; nothing
// when either fails (the reason is printed).
inline std::unique_ptr<ReviewStore> syncedStore(const QString &batch, const Checker &checker)
{
    std::unique_ptr<ReviewStore> store = openedStore(ReviewStore::defaultStorePath({batch}));
    if (!store) {
        return nullptr;
    }
    if (const auto report = store->sync({batch}, Schema::builtin(), checker, QStringLiteral("tester")); !report) {
        qWarning("cannot sync the store of %s: %s", qPrintable(batch), qPrintable(report.error().message));
        return nullptr;
    }
    return store;
}

// The named child widget of a dialog or panel; stops the test when there is none.
template <typename T, typename Parent> T *child(const Parent &parent, const QString &name)
{
    T *widget = parent.template findChild<T *>(name);
    if (widget == nullptr) {
        qFatal("no child %s", qPrintable(name));
    }
    return widget;
}

// A connection of the test's own to a SQLite file (a review store), as another program would
// open it, for what the store's API does not offer.
class SqlFile
{
public:
    explicit SqlFile(const QString &path) : m_name(QStringLiteral("sqlfile-") + QString::number(++s_count))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            qFatal("cannot open %s", qPrintable(path));
        }
    }
    ~SqlFile() { QSqlDatabase::removeDatabase(m_name); }
    Q_DISABLE_COPY_MOVE(SqlFile)

    QSqlQuery query() const { return QSqlQuery(QSqlDatabase::database(m_name)); }
    // The first column of the first row, or an invalid value.
    QVariant value(const QString &sql) const
    {
        QSqlQuery q = query();
        return q.exec(sql) && q.next() ? q.value(0) : QVariant();
    }
    // Each row with its columns joined by '|'; {"error"} when the query fails.
    QStringList rows(const QString &sql) const
    {
        QSqlQuery q = query();
        if (!q.exec(sql)) {
            return {QStringLiteral("error")};
        }
        QStringList result;
        while (q.next()) {
            QStringList columns;
            for (int i = 0; i < q.record().count(); ++i) {
                columns.append(q.value(i).toString());
            }
            result.append(columns.join(u'|'));
        }
        return result;
    }
    void close() { QSqlDatabase::database(m_name).close(); }

private:
    static inline int s_count = 0;
    QString m_name;
};

// Leaves the store at path readable by sync and by nothing else, as a store damaged behind
// annorev's back would be: the documents table and the kept counts give way to views with only the
// columns sync reads, so the list, status and exports fail with "no such column".
inline bool breakStoreReads(const QString &path)
{
    const SqlFile raw(path);
    QSqlQuery q = raw.query();
    return q.exec(QStringLiteral("ALTER TABLE documents RENAME TO documents_kept")) &&
           q.exec(QStringLiteral("CREATE VIEW documents AS SELECT id, position, source_hash, source_path,"
                                 " source_line, missing, source_changed FROM documents_kept")) &&
           q.exec(QStringLiteral("ALTER TABLE summary_counts RENAME TO summary_counts_kept")) &&
           q.exec(QStringLiteral("CREATE VIEW summary_counts AS SELECT status FROM summary_counts_kept"));
}

} // namespace annorev::test
