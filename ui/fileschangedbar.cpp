#include "fileschangedbar.h"

#include <QKeySequence>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace annorev {

FilesChangedBar::FilesChangedBar(QWidget *parent) : NoticeBar(u"filesChangedBar"_s, parent)
{
    const QString key = QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText);
    QPushButton *reload = addButton(
        tr("&Reload"), u"reloadButton"_s,
        tr("Bring the batch up to date with its files (%1): your edits, decisions and undo history stay").arg(key));
    QPushButton *later =
        addButton(tr("&Later"), u"laterButton"_s, tr("Hide this; File › Reload Batch reloads it when you are ready"));
    connect(reload, &QPushButton::clicked, this, &FilesChangedBar::reloadRequested);
    connect(later, &QPushButton::clicked, this, &QWidget::hide);
}

void FilesChangedBar::showFor(const QString &batchName)
{
    setText(tr("The files of %1 changed on disk since the batch was read. Reload to take in the documents added "
               "and removed; a document whose source changed keeps the version here, flagged.")
                .arg(batchName));
    show();
}

} // namespace annorev
