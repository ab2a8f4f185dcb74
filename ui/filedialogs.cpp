#include "filedialogs.h"

#include "statfileiconprovider.h"
#include "storehidingproxymodel.h"

#include <QObject>
#include <QPointer>

namespace annorev::FileDialogs {

QFileDialog *create(QWidget *parent, const QString &caption, const QString &directory, const QString &filter,
                    QFileDialog::FileMode mode, QFileDialog::AcceptMode accept)
{
    auto *dialog = new QFileDialog(parent, caption, directory, filter);
    // Options first: the non-native widget dialog and its model exist only once they are set.
    dialog->setOptions(QFileDialog::DontUseNativeDialog | QFileDialog::DontUseCustomDirectoryIcons);
    dialog->setFileMode(mode);
    dialog->setAcceptMode(accept);
    if (mode == QFileDialog::Directory) {
        dialog->setOption(QFileDialog::ShowDirsOnly);
    }
    // The provider is no QObject: a child made after the dialog's model deletes it, and children
    // go in the order they were made, so the model never asks a deleted provider.
    auto *iconProvider = new StatFileIconProvider;
    dialog->setIconProvider(iconProvider);
    QObject::connect(new QObject(dialog), &QObject::destroyed, [iconProvider] { delete iconProvider; });
    dialog->setProxyModel(new StoreHidingProxyModel(dialog));
    return dialog;
}

namespace {

QStringList run(QFileDialog *dialog)
{
    QPointer<QFileDialog> guard(dialog);
    const bool accepted = dialog->exec() == QDialog::Accepted;
    if (!guard) {
        return {};
    }
    const QStringList files = accepted ? dialog->selectedFiles() : QStringList();
    delete dialog;
    return files;
}

} // namespace

QStringList getOpenFileNames(QWidget *parent, const QString &caption, const QString &directory, const QString &filter)
{
    return run(create(parent, caption, directory, filter, QFileDialog::ExistingFiles));
}

QString getOpenFileName(QWidget *parent, const QString &caption, const QString &directory, const QString &filter)
{
    const QStringList files = run(create(parent, caption, directory, filter, QFileDialog::ExistingFile));
    return files.isEmpty() ? QString() : files.constFirst();
}

QString getExistingDirectory(QWidget *parent, const QString &caption, const QString &directory)
{
    const QStringList folders = run(create(parent, caption, directory, {}, QFileDialog::Directory));
    return folders.isEmpty() ? QString() : folders.constFirst();
}

QString getSaveFileName(QWidget *parent, const QString &caption, const QString &path, const QString &filter,
                        bool confirmOverwrite)
{
    QFileDialog *dialog = create(parent, caption, path, filter, QFileDialog::AnyFile, QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite, !confirmOverwrite);
    const QStringList files = run(dialog);
    return files.isEmpty() ? QString() : files.constFirst();
}

} // namespace annorev::FileDialogs
