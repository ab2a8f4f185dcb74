#pragma once

#include "expected.h"

#include <QByteArray>
#include <QString>

#include <memory>

class QSaveFile;

namespace annorev {

// Writes an export so that it appears whole or not at all. A file goes through QSaveFile and is
// committed only when everything succeeded. A folder is written into a new sibling folder
// "OUT.tmp-XXXXXX" that is renamed to OUT at the end; OUT must not exist or be an empty folder
// (a non-empty one is refused, never merged into or deleted). Anything not committed is removed
// when the writer is destroyed.
class ExportWriter
{
public:
    enum class Kind { File, Folder };

    ExportWriter(Kind kind, QString outPath);
    ~ExportWriter();
    ExportWriter(const ExportWriter &) = delete;
    ExportWriter &operator=(const ExportWriter &) = delete;

    Expected<void> open();
    // Kind::File: appends to the file.
    Expected<void> write(QByteArrayView bytes);
    // Kind::Folder: writes one file at a relative path ('/'-separated, already checked to be safe),
    // creating its folders.
    Expected<void> writeFile(const QString &relativePath, QByteArrayView bytes);
    Expected<void> commit();

    // The folder being filled, for tests; empty for a file.
    QString temporaryPath() const { return m_tempDir; }

private:
    void discard();

    Kind m_kind;
    QString m_outPath;
    std::unique_ptr<QSaveFile> m_file;
    QString m_tempDir;
    bool m_committed = false;
};

} // namespace annorev
