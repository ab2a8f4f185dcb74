#pragma once

#include <QFileIconProvider>

namespace annorev {

// Icons and type names for file dialogs from what stat() tells, never from a file's content.
// Qt's own provider asks QMimeDatabase, which opens and closes a file to sniff it; closing any
// descriptor of the review store drops the POSIX locks SQLite holds on it in this process, and
// another annorev process may then delete the write-ahead log the window still writes to.
class StatFileIconProvider final : public QFileIconProvider
{
public:
    QIcon icon(IconType type) const override;
    QIcon icon(const QFileInfo &info) const override;
    QString type(const QFileInfo &info) const override;
};

} // namespace annorev
