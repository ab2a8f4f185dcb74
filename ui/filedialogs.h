#pragma once

#include <QFileDialog>
#include <QString>
#include <QStringList>

class QWidget;

// Every file dialog of the window comes from here: Qt's own (non-native) dialog, whose icons and
// types come from stat() alone (StatFileIconProvider) and whose list hides review stores
// (StoreHidingProxyModel). A native dialog, or Qt's default icon provider, reads files to sniff
// their type, and reading the open store in this process would drop SQLite's locks on it.
namespace annorev::FileDialogs {

// The dialog the functions below run, for a caller (or test) that shows it itself.
QFileDialog *create(QWidget *parent, const QString &caption, const QString &directory, const QString &filter,
                    QFileDialog::FileMode mode, QFileDialog::AcceptMode accept = QFileDialog::AcceptOpen);

QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory, const QString &filter);
QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &directory = {});
// confirmOverwrite false: the caller asks itself when it writes.
QString getSaveFileName(QWidget *parent, const QString &caption, const QString &path, const QString &filter,
                        bool confirmOverwrite = true);

} // namespace annorev::FileDialogs
