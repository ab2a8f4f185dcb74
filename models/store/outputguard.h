#pragma once

#include <QString>
#include <QStringList>

namespace annorev::OutputGuard {

// The path as the kernel would resolve it: the deepest part that exists is canonicalised
// (symlinks and `..` followed as the file system follows them), the rest appended; so an output
// that does not exist yet resolves to where it would be created. Relative paths start at the
// current folder.
QString resolve(const QString &path);

// Why an export (or adjudicate's merged batch) must not be written to out, or empty when it may:
// out is the store or one of its -wal, -shm or -journal files (or any file named as a store's), a
// file of the batch, or a folder batch or anything inside it (a file written there would
// overwrite a source document or join the batch at the next sync).
// Paths are compared once resolved (see resolve()).
QString refusal(const QString &out, const QStringList &batchInputs, const QString &storePath);

} // namespace annorev::OutputGuard
