#pragma once

#include "noticebar.h"

namespace annorev {

// Across the top of the window once the batch's files changed on disk (BatchFilesWatch): says so
// and offers to reload the batch now (File › Reload Batch, F5) or later. It stays until one of the
// two, so a change made in another program is not missed by looking away. Plain text only.
class FilesChangedBar final : public NoticeBar
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesChangedBar)

public:
    explicit FilesChangedBar(QWidget *parent = nullptr);

    // Shows the bar for the batch of this name.
    void showFor(const QString &batchName);

Q_SIGNALS:
    void reloadRequested();
};

} // namespace annorev
