#include "exportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#include <filesystem>
#include <system_error>

namespace annorev {

ExportWriter::ExportWriter(Kind kind, QString outPath) : m_kind(kind), m_outPath(std::move(outPath)) {}

ExportWriter::~ExportWriter()
{
    discard();
}

Expected<void> ExportWriter::open()
{
    if (m_outPath.isEmpty()) {
        return Error{QStringLiteral("no output path")};
    }
    const QFileInfo out(m_outPath);
    if (!out.absoluteDir().exists()) {
        const QString parent = QDir::toNativeSeparators(out.absolutePath());
        return Error{u"cannot write " % m_outPath % u": " % parent %
                     (QFileInfo::exists(parent) ? u" is not a folder" : u" does not exist")};
    }
    if (m_kind == Kind::File) {
        if (out.isDir()) {
            return Error{u"cannot write " % m_outPath % u": it is a folder"};
        }
        m_file = std::make_unique<QSaveFile>(m_outPath);
        if (!m_file->open(QIODevice::WriteOnly)) {
            return Error{u"cannot write " % m_outPath % u": " % m_file->errorString()};
        }
        return {};
    }
    if (out.exists() && !out.isDir()) {
        return Error{u"cannot write the folder " % m_outPath % u": a file of that name exists"};
    }
    if (out.isDir() &&
        !QDir(m_outPath).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        return Error{u"cannot write the folder " % m_outPath % u": it exists and is not empty (choose a new folder)"};
    }
    // A sibling, so that the final rename stays on one file system.
    QDir parent = out.absoluteDir();
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString name =
            out.fileName() % u".tmp-" %
            QString::number(QRandomGenerator::global()->generate() % 0xffffff, 16).rightJustified(6, u'0');
        if (!parent.exists(name) && parent.mkdir(name)) {
            m_tempDir = parent.filePath(name);
            return {};
        }
        if (!QFileInfo(parent.absolutePath()).isWritable()) {
            break;
        }
    }
    return Error{u"cannot write the folder " % m_outPath % u": cannot create a folder in " % parent.absolutePath()};
}

Expected<void> ExportWriter::write(QByteArrayView bytes)
{
    if (!m_file) {
        return Error{u"cannot write " % m_outPath % u": it is not open as a file"};
    }
    if (m_file->write(bytes.data(), bytes.size()) != bytes.size()) {
        return Error{u"cannot write " % m_outPath % u": " % m_file->errorString()};
    }
    return {};
}

Expected<void> ExportWriter::writeFile(const QString &relativePath, QByteArrayView bytes)
{
    const QString path = m_tempDir % u'/' % relativePath;
    const QString folder = QFileInfo(path).absolutePath();
    QFile file(path);
    if (m_tempDir.isEmpty() || !QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        file.write(bytes.data(), bytes.size()) != bytes.size() || !file.flush()) {
        return Error{
            u"cannot write " % m_outPath % u'/' % relativePath % u": " %
            (file.error() == QFileDevice::NoError ? QStringLiteral("cannot create its folder") : file.errorString())};
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        return Error{u"cannot write " % m_outPath % u'/' % relativePath % u": " % file.errorString()};
    }
    return {};
}

Expected<void> ExportWriter::commit()
{
    if (m_kind == Kind::File) {
        // Flushed here, not left to commit(): Qt 6.4's QSaveFile::commit() loses the error of the
        // flush it makes on a full disk and renames an empty file into place ("exported" to a
        // 0-byte file), or reports "Unknown error".
        if (!m_file || !m_file->flush() || !m_file->commit()) {
            return Error{u"cannot write " % m_outPath % u": " % (m_file ? m_file->errorString() : QString())};
        }
        m_committed = true;
        return {};
    }
    // rename(2) replaces an empty folder atomically and fails on a non-empty one, so a folder
    // that filled up since open() is never lost.
    std::error_code code;
    std::filesystem::rename(QFile::encodeName(m_tempDir).toStdString(), QFile::encodeName(m_outPath).toStdString(),
                            code);
    if (code) {
        return Error{u"cannot write the folder " % m_outPath % u": " % QString::fromStdString(code.message())};
    }
    m_committed = true;
    m_tempDir.clear();
    return {};
}

void ExportWriter::discard()
{
    if (m_file && !m_committed) {
        m_file->cancelWriting();
        m_file.reset();
    }
    if (!m_tempDir.isEmpty()) {
        QDir(m_tempDir).removeRecursively();
        m_tempDir.clear();
    }
}

} // namespace annorev
