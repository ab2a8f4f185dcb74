#include "recentbatches.h"

#include "appsettings.h"
#include "reviewstore.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

QString lastDocumentKey(const QString &storePath)
{
    return u"lastDocument/"_s + QString::fromLatin1(storePath.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

RecentBatches::RecentBatches(QMenu *menu, QObject *parent) : QObject(parent), m_menu(menu)
{
    connect(m_menu, &QMenu::aboutToShow, this, &RecentBatches::fillMenu);
    fillMenu();
}

QString RecentBatches::batchName(const QStringList &paths)
{
    if (paths.isEmpty()) {
        return {};
    }
    const QString first = ReviewStore::batchName(paths);
    if (paths.size() == 1) {
        return first;
    }
    return tr("%1 and %n more", nullptr, int(paths.size() - 1)).arg(first);
}

void RecentBatches::fillMenu()
{
    m_menu->clear();
    const QVariantList recent = appSettings().value(u"recentBatches"_s).toList();
    int number = 0;
    for (const QVariant &entry : recent) {
        const QStringList paths = entry.toStringList();
        if (paths.isEmpty()) {
            continue;
        }
        ++number;
        QAction *open =
            m_menu->addAction(number < 10 ? u"&%1 %2"_s.arg(number).arg(batchName(paths)) : batchName(paths), this,
                              [this, paths] { Q_EMIT openRequested(paths); });
        open->setToolTip(paths.join(u'\n'));
        open->setStatusTip(paths.join(u", "_s));
    }
    if (number == 0) {
        m_menu->addAction(tr("No recent batches"))->setEnabled(false);
        return;
    }
    m_menu->addSeparator();
    m_menu->addAction(tr("&Clear Menu"), this, [] { appSettings().remove(u"recentBatches"_s); });
}

void RecentBatches::remember(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &path : paths) {
        // A team batch's address is kept as it is: it holds no password (see TeamAddress).
        absolute << (ReviewStore::isTeamLocation(path) ? path : QFileInfo(path).absoluteFilePath());
    }
    QSettings s = appSettings();
    QVariantList recent = s.value(u"recentBatches"_s).toList();
    recent.removeIf([&absolute](const QVariant &entry) { return entry.toStringList() == absolute; });
    recent.prepend(absolute);
    while (recent.size() > MaxRecentBatches) {
        recent.removeLast();
    }
    s.setValue(u"recentBatches"_s, recent);
    s.setValue(u"lastBatch"_s, absolute);
}

QString RecentBatches::lastDocument(const QString &storePath)
{
    return appSettings().value(lastDocumentKey(storePath)).toString();
}

void RecentBatches::setLastDocument(const QString &storePath, const QString &id)
{
    appSettings().setValue(lastDocumentKey(storePath), id);
}

} // namespace annorev
