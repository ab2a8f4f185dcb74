#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;

namespace annorev {

// The batches the reviewer opened, newest first, and where they left off in each, kept in the
// settings (appSettings(): "recentBatches", "lastBatch", "lastDocument/STORE"). Fills the
// File › Open Recent menu it is given each time the menu opens.
class RecentBatches final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecentBatches)

public:
    static constexpr int MaxRecentBatches = 10;

    explicit RecentBatches(QMenu *menu, QObject *parent = nullptr);

    // A batch as the menu and the window title name it: its first input's name, "and N more".
    static QString batchName(const QStringList &paths);

    // Puts the batch first in the menu, and makes it the one to reopen on the next start.
    static void remember(const QStringList &paths);
    // The document last shown in the batch of this store; empty when none.
    static QString lastDocument(const QString &storePath);
    static void setLastDocument(const QString &storePath, const QString &id);

Q_SIGNALS:
    void openRequested(const QStringList &paths);

private:
    void fillMenu();

    QMenu *m_menu = nullptr;
};

} // namespace annorev
