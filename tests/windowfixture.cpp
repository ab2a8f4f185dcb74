#include "windowfixture.h"

#include "reviewstore.h"
#include "spotcheck.h"
#include "spotcheckpanel.h"

#include <QDir>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

namespace annorev::test {

QStringList listedIds(const MainWindow &window)
{
    const QAbstractItemModel *model = child<QTreeView>(window, u"documentList"_s)->model();
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        ids.append(model->index(row, 0).data().toString());
    }
    return ids;
}

bool openBatch(MainWindow &window, const QStringList &inputs, const QString &storePath)
{
    QSignalSpy opened(&window, &MainWindow::batchOpened);
    window.openBatch(inputs, storePath);
    if (opened.isEmpty() && !opened.wait(120000)) {
        qWarning("the batch was neither opened nor refused in time");
        return false;
    }
    return opened.first().first().toBool();
}

void WindowFixture::setUp()
{
    QSettings settings(u"annorev"_s, u"annorev"_s);
    settings.clear();
    settings.setValue(u"reviewer"_s, u"tester"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"samples"_s);
    const QDir samples(QStringLiteral(ANNOREV_SAMPLES_DIR));
    for (const QString &name : samples.entryList(QDir::Files)) {
        writeFile(m_batch + u'/' + name, readFile(samples.filePath(name)));
    }
    writeFile(m_batch + u'/' + extra, extraSource);
    writeFile(m_batch + u'/' + broken, brokenSource);
}

void WindowFixture::tearDown()
{
    m_dir.reset();
}

std::unique_ptr<MainWindow> WindowFixture::openWindow(bool show)
{
    auto window = std::make_unique<MainWindow>();
    if (show) {
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get())) {
            qWarning("the window was not exposed");
        }
    }
    if (!openBatch(*window, {m_batch})) {
        qWarning("the batch did not open");
    }
    return window;
}

void WindowFixture::selectText(SourceView *view, const QString &needle, qsizetype from, qsizetype length)
{
    const qsizetype at = view->toPlainText().indexOf(needle);
    QVERIFY2(at >= 0, qPrintable(needle));
    view->selectRange(at + from, at + from + (length < 0 ? needle.size() - from : length));
    view->setFocus(Qt::OtherFocusReason);
}

QByteArray WindowFixture::stored(const MainWindow &window, const QString &id) const
{
    const std::unique_ptr<ReviewStore> store = openedStore(window.storePath());
    if (!store) {
        return {};
    }
    const auto doc = store->document(id);
    return doc ? doc->taggedText : QByteArray();
}

bool WindowFixture::pickNewRound(MainWindow &window, const QString &name, const QStringList &ids)
{
    {
        const std::unique_ptr<ReviewStore> store = openedStore(window.storePath());
        SpotCheckRound round;
        round.name = name;
        round.createdBy = u"t"_s;
        QList<RoundDocument> documents;
        for (const QString &id : ids) {
            documents.append({id, {}});
        }
        if (!store) {
            return false;
        }
        if (const Expected<void> saved = store->createRound(round, documents); !saved) {
            qWarning("cannot save the round: %s", qPrintable(saved.error().message));
            return false;
        }
    }
    auto *panel = window.findChild<SpotCheckPanel *>(u"spotCheckPanel"_s);
    panel->reload();
    return panel->selectRound(name);
}

} // namespace annorev::test
