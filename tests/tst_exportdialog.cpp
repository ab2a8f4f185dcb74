#include "checker.h"
#include "countryaliases.h"
#include "exportdialog.h"
#include "exporter.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;
using annorev::test::openedStore;

namespace {

constexpr int exportTimeoutMs = 30000;

template <typename T> T *child(const QWidget &parent, const QString &name)
{
    T *widget = parent.findChild<T *>(name);
    if (widget == nullptr) {
        qFatal("no child %s", qPrintable(name));
    }
    return widget;
}

QPushButton *exportButton(const ExportDialog &dialog)
{
    return child<QPushButton>(dialog, u"exportButton"_s);
}

QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
}

} // namespace

class TestExportDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void exportWritesTheApprovedRecordsAsJsonl();
    void exportWritesWhatTheExporterWrites_data();
    void exportWritesWhatTheExporterWrites();
    void folderFormatsFillANewOrEmptyFolder_data();
    void folderFormatsFillANewOrEmptyFolder();
    void nonEmptyFolderIsRefused();
    void storeAndBatchAreNeverExportTargets_data();
    void storeAndBatchAreNeverExportTargets();
    void existingFileIsReplacedOnlyWhenTheCuratorSaysSo_data();
    void existingFileIsReplacedOnlyWhenTheCuratorSaysSo();
    void cancellingMidwayLeavesNoFile_data();
    void cancellingMidwayLeavesNoFile();
    void failureIsShownAsPlainTextNamingTheFile();
    void suggestedPathFollowsTheFormatUntilEdited();
    void formatAndFolderAreRemembered();
    void atLeastOneStatusMustBeChecked();
    void missingStoreIsReportedAndNotCreated();
    void keyboardAloneCanExport();
    void widgetsHaveAccessibleNames();

private:
    // The bytes (or files, for a folder) exportDocuments writes from the store for these choices.
    QMap<QString, QByteArray> expected(ExportFormat format, const QList<ReviewStatus> &statuses,
                                       ExportResult *result = nullptr);
    static QMap<QString, QByteArray> written(const QString &path);
    // Clicks Export and waits for exportFinished(); its arguments, or an empty list on a time-out.
    static QList<QVariant> clickExport(ExportDialog &dialog);
    std::unique_ptr<ExportDialog> openDialog(const QString &storePath = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    QString m_storePath;
    std::unique_ptr<ReviewStore> m_store; // held open, as the window holds it
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
    int m_references = 0;
};

void TestExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExportDialog::init()
{
    QSettings(u"annorev"_s, u"annorev"_s).clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"samples"_s);
    QVERIFY(test::copySamples(m_batch));
    m_storePath = ReviewStore::defaultStorePath({m_batch});
    m_store = openedStore(m_storePath);
    QVERIFY(m_store);
    QVERIFY_OK(m_store->sync({m_batch}, Schema::builtin(), m_checker, u"tester"_s));
    const QStringList ids = *m_store->ids();
    QCOMPARE(ids.size(), 5);
    QVERIFY_OK(m_store->setStatus({ids.at(0), ids.at(1), ids.at(4)}, ReviewStatus::Approved, {}, u"tester"_s));
    QVERIFY_OK(m_store->setStatus({ids.at(2)}, ReviewStatus::NeedsWork, {}, u"tester"_s));
    QVERIFY_OK(m_store->setStatus({ids.at(3)}, ReviewStatus::Rejected, {}, u"tester"_s));
}

void TestExportDialog::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QMap<QString, QByteArray> TestExportDialog::expected(ExportFormat format, const QList<ReviewStatus> &statuses,
                                                     ExportResult *result)
{
    QTemporaryDir references;
    ExportOptions options;
    options.outPath = references.filePath(u"reference"_s);
    options.statuses = statuses;
    const Expected<ExportResult> exported = exportDocuments(*m_store->exportDocuments(), format, options);
    if (!exported) {
        qWarning("reference export failed: %s", qPrintable(exported.error().message));
    }
    if (result) {
        *result = exported.value_or(ExportResult());
    }
    return written(options.outPath);
}

QMap<QString, QByteArray> TestExportDialog::written(const QString &path)
{
    if (QFileInfo(path).isDir()) {
        return test::readTree(path);
    }
    return QFileInfo::exists(path) ? QMap<QString, QByteArray>{{QString(), test::readFile(path)}}
                                   : QMap<QString, QByteArray>();
}

QList<QVariant> TestExportDialog::clickExport(ExportDialog &dialog)
{
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QTest::mouseClick(exportButton(dialog), Qt::LeftButton);
    if (finished.isEmpty() && !finished.wait(exportTimeoutMs)) {
        return {};
    }
    return finished.takeFirst();
}

std::unique_ptr<ExportDialog> TestExportDialog::openDialog(const QString &storePath)
{
    auto dialog = std::make_unique<ExportDialog>(storePath.isEmpty() ? m_storePath : storePath, u"samples"_s);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get())) {
        qWarning("the dialog was not shown");
    }
    return dialog;
}

void TestExportDialog::exportWritesTheApprovedRecordsAsJsonl()
{
    // Another format was used last time: the curator switches back with the combo box.
    QSettings(u"annorev"_s, u"annorev"_s).setValue(u"export/format"_s, u"conll"_s);
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    QCOMPARE(dialog->format(), ExportFormat::Conll);
    auto *formats = child<QComboBox>(*dialog, u"formatBox"_s);
    formats->setCurrentIndex(formats->findText(u"Records — JSON Lines"_s));
    QCOMPARE(dialog->format(), ExportFormat::RecordsJsonl);
    QVERIFY(child<QLabel>(*dialog, u"formatDescription"_s)->text().contains(u"One JSON object per record"_s));
    QCOMPARE(dialog->statuses(), QList<ReviewStatus>{ReviewStatus::Approved});
    QCOMPARE(child<QCheckBox>(*dialog, u"status-approved"_s)->text(), u"&Approved (3)"_s);

    const QString out = m_dir->filePath(u"exports/approved.jsonl"_s);
    QDir().mkpath(QFileInfo(out).absolutePath());
    auto *path = child<QLineEdit>(*dialog, u"outputPath"_s);
    path->clear();
    QTest::keyClicks(path, out);
    QCOMPARE(dialog->outputPath(), out);

    const QList<QVariant> finished = clickExport(*dialog);
    QCOMPARE(finished.size(), 2);
    ExportResult result;
    const QMap<QString, QByteArray> reference = expected(ExportFormat::RecordsJsonl, {ReviewStatus::Approved}, &result);
    QCOMPARE(result.documents, 3);
    const QString message = u"Exported 3 documents (%1 records) to %2"_s.arg(result.items).arg(out);
    QCOMPARE(finished.at(0).toBool(), true);
    QCOMPARE(finished.at(1).toString(), message);
    QCOMPARE(dialog->message(), message);
    QCOMPARE(written(out), reference);
    QVERIFY(!reference.value(QString()).isEmpty());
    QVERIFY(!dialog->isRunning());
    auto *progress = child<QProgressBar>(*dialog, u"exportProgress"_s);
    QCOMPARE(progress->value(), 3);
    QCOMPARE(progress->maximum(), 3);
}

void TestExportDialog::exportWritesWhatTheExporterWrites_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QList<ReviewStatus>>("statuses");
    QTest::addColumn<QString>("itemsWord");
    QTest::addRow("records-csv, approved and needs work")
        << ExportFormat::RecordsCsv << QList<ReviewStatus>{ReviewStatus::Approved, ReviewStatus::NeedsWork}
        << u"record"_s;
    QTest::addRow("doccano, every status") << ExportFormat::Doccano
                                           << QList<ReviewStatus>{ReviewStatus::Approved, ReviewStatus::NeedsWork,
                                                                  ReviewStatus::Rejected, ReviewStatus::Unreviewed}
                                           << u"span"_s;
    QTest::addRow("label-studio, rejected")
        << ExportFormat::LabelStudio << QList<ReviewStatus>{ReviewStatus::Rejected} << u"span"_s;
    QTest::addRow("conll, approved") << ExportFormat::Conll << QList<ReviewStatus>{ReviewStatus::Approved} << u"span"_s;
}

void TestExportDialog::exportWritesWhatTheExporterWrites()
{
    QFETCH(ExportFormat, format);
    QFETCH(QList<ReviewStatus>, statuses);
    QFETCH(QString, itemsWord);
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    dialog->setFormat(format);
    dialog->setStatuses(statuses);
    QVERIFY(!dialog->writesFolder());
    const QString out = dialog->outputPath();
    QCOMPARE(QFileInfo(out).absolutePath(), m_dir->path());

    const QList<QVariant> finished = clickExport(*dialog);
    QCOMPARE(finished.size(), 2);
    QVERIFY2(finished.at(0).toBool(), qPrintable(finished.at(1).toString()));
    ExportResult result;
    QCOMPARE(written(out), expected(format, statuses, &result));
    QVERIFY(finished.at(1).toString().contains(
        u"(%1 %2%3)"_s.arg(result.items).arg(itemsWord, result.items == 1 ? QString() : u"s"_s)));
}

void TestExportDialog::folderFormatsFillANewOrEmptyFolder_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("folderExists");
    QTest::addRow("brat, empty folder") << ExportFormat::Brat << true;
    QTest::addRow("brat, new folder") << ExportFormat::Brat << false;
    QTest::addRow("tagged of a folder batch, empty folder") << ExportFormat::Tagged << true;
}

void TestExportDialog::folderFormatsFillANewOrEmptyFolder()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, folderExists);
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    dialog->setFormat(format);
    QVERIFY(dialog->writesFolder());
    const QString out = m_dir->filePath(u"export-folder"_s);
    if (folderExists) {
        QVERIFY(QDir().mkpath(out));
    }
    dialog->setOutputPath(out);

    const QList<QVariant> finished = clickExport(*dialog);
    QCOMPARE(finished.size(), 2);
    QVERIFY2(finished.at(0).toBool(), qPrintable(finished.at(1).toString()));
    QVERIFY(QFileInfo(out).isDir());
    const QMap<QString, QByteArray> reference = expected(format, {ReviewStatus::Approved});
    QVERIFY(reference.size() >= 3);
    QCOMPARE(written(out), reference);
    // Nothing else is left beside it: no temporary folder.
    QCOMPARE(entries(m_dir->path()).filter(u"export-folder"_s), QStringList{u"export-folder"_s});
}

void TestExportDialog::nonEmptyFolderIsRefused()
{
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    dialog->setFormat(ExportFormat::Brat);
    const QString out = m_dir->filePath(u"mine"_s);
    test::writeFile(out + u"/keep.txt"_s, "mine");
    dialog->setOutputPath(out);
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    QTest::mouseClick(exportButton(*dialog), Qt::LeftButton);
    QVERIFY(!dialog->isRunning());
    QVERIFY2(dialog->message().contains(u"The folder %1 is not empty"_s.arg(out)), qPrintable(dialog->message()));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(test::readTree(out).keys(), QStringList{u"keep.txt"_s});

    // A file where a folder is wanted is refused too.
    test::writeFile(m_dir->filePath(u"plain"_s), "x");
    dialog->setOutputPath(m_dir->filePath(u"plain"_s));
    QTest::mouseClick(exportButton(*dialog), Qt::LeftButton);
    QVERIFY2(dialog->message().contains(u"is a file"_s), qPrintable(dialog->message()));
    QCOMPARE(test::readFile(m_dir->filePath(u"plain"_s)), QByteArray("x"));
}

void TestExportDialog::storeAndBatchAreNeverExportTargets_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("out"); // relative to the test folder
    QTest::addColumn<QString>("why");
    QTest::addRow("the store") << ExportFormat::RecordsCsv << u"samples.annorev.sqlite"_s << u"is the review store"_s;
    QTest::addRow("its -wal through ..") << ExportFormat::RecordsCsv << u"samples/../samples.annorev.sqlite-wal"_s
                                         << u"is a file of the review store"_s;
    QTest::addRow("its -shm") << ExportFormat::RecordsJsonl << u"samples.annorev.sqlite-shm"_s
                              << u"is a file of the review store"_s;
    QTest::addRow("a source document") << ExportFormat::RecordsJsonl << u"samples/000_fb52d27db3b8b6ee.txt"_s
                                       << u"inside the batch folder"_s;
    QTest::addRow("a folder inside the batch")
        << ExportFormat::Brat << u"samples/brat"_s << u"inside the batch folder"_s;
    QTest::addRow("through a symlink") << ExportFormat::RecordsCsv << u"link/new.csv"_s << u"inside the batch folder"_s;
}

void TestExportDialog::storeAndBatchAreNeverExportTargets()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, out);
    QFETCH(QString, why);
    QVERIFY(QFile::link(m_batch, m_dir->filePath(u"link"_s)));
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    dialog->setFormat(format);
    const QMap<QString, QByteArray> before = test::readTree(m_dir->path());
    dialog->setOutputPath(m_dir->filePath(out));
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    QTest::mouseClick(exportButton(*dialog), Qt::LeftButton);
    QVERIFY(!dialog->isRunning());
    QVERIFY2(dialog->message().startsWith(u"Not exported: "_s) && dialog->message().contains(why),
             qPrintable(dialog->message()));
    QVERIFY(!dialog->findChild<QMessageBox *>());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 0);
    const QMap<QString, QByteArray> after = test::readTree(m_dir->path());
    QCOMPARE(after.keys(), before.keys());
    QCOMPARE(after.value(u"samples.annorev.sqlite"_s), before.value(u"samples.annorev.sqlite"_s));
    QCOMPARE(m_store->summary()->byStatus[std::size_t(ReviewStatus::Approved)], 3);
}

void TestExportDialog::existingFileIsReplacedOnlyWhenTheCuratorSaysSo_data()
{
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addRow("kept") << QMessageBox::No;
    QTest::addRow("replaced") << QMessageBox::Yes;
}

void TestExportDialog::existingFileIsReplacedOnlyWhenTheCuratorSaysSo()
{
    QFETCH(QMessageBox::StandardButton, answer);
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    // A name that would be markup if the question were rich text.
    const QString out = m_dir->filePath(u"<b>previous</b>.jsonl"_s);
    test::writeFile(out, "previous export\n");
    dialog->setOutputPath(out);
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    QTest::mouseClick(exportButton(*dialog), Qt::LeftButton);

    QMessageBox *question = nullptr;
    QTRY_VERIFY((question = dialog->findChild<QMessageBox *>(u"replaceQuestion"_s)) && question->isVisible());
    QCOMPARE(question->textFormat(), Qt::PlainText);
    QVERIFY2(question->text().contains(out), qPrintable(question->text()));
    QCOMPARE(question->defaultButton(), question->button(QMessageBox::No));
    QVERIFY(!dialog->isRunning());
    QTest::mouseClick(question->button(answer), Qt::LeftButton);

    if (answer == QMessageBox::No) {
        QTRY_VERIFY(dialog->message().contains(u"was kept"_s));
        QTest::qWait(50);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(test::readFile(out), QByteArray("previous export\n"));
        return;
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, exportTimeoutMs);
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(written(out), expected(ExportFormat::RecordsJsonl, {ReviewStatus::Approved}));
}

void TestExportDialog::cancellingMidwayLeavesNoFile_data()
{
    QTest::addColumn<bool>("withEscape");
    QTest::addRow("Cancel button") << false;
    QTest::addRow("Escape key") << true;
}

void TestExportDialog::cancellingMidwayLeavesNoFile()
{
    QFETCH(bool, withEscape);
    // A batch of several blocks, so that the export can stop between two of them.
    QByteArray lines;
    for (int i = 0; i < 700; ++i) {
        lines += "{\"id\": \"d" + QByteArray::number(i) + "\", \"text\": \"<model>M-" + QByteArray::number(i) +
                 "</model> ran on <hardware>A100</hardware>.\"}\n";
    }
    const QString batch = m_dir->filePath(u"many.jsonl"_s);
    test::writeFile(batch, lines);
    const QString storePath = ReviewStore::defaultStorePath({batch});
    {
        const std::unique_ptr<ReviewStore> store = openedStore(storePath);
        QVERIFY(store);
        QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    }

    // The worker waits half-way until the test has cancelled. Declared before the dialog, whose
    // destructor waits for the worker.
    std::atomic_bool halfWay = false;
    QSemaphore resume;
    const auto dialog = openDialog(storePath);
    QTRY_VERIFY(dialog->isReady());
    dialog->setStatuses({ReviewStatus::Unreviewed});
    const QString out = m_dir->filePath(u"cancelled.jsonl"_s);
    dialog->setOutputPath(out);
    dialog->setProgressHookForTesting([&](qsizetype done, qsizetype total) {
        if (done > 0 && done < total && !halfWay.exchange(true)) {
            resume.tryAcquire(1, exportTimeoutMs);
        }
    });
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    QTest::mouseClick(exportButton(*dialog), Qt::LeftButton);
    QVERIFY(dialog->isRunning());
    QTRY_VERIFY(halfWay.load());
    QVERIFY(!exportButton(*dialog)->isEnabled());

    if (withEscape) {
        QTest::keyClick(dialog.get(), Qt::Key_Escape);
    } else {
        QTest::mouseClick(child<QPushButton>(*dialog, u"cancelButton"_s), Qt::LeftButton);
    }
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->message(), u"Cancelling the export…"_s);
    resume.release();

    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, exportTimeoutMs);
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(), u"Export cancelled: nothing was written to %1."_s.arg(out));
    QVERIFY(!QFileInfo::exists(out));
    QVERIFY(entries(m_dir->path()).filter(u"cancelled"_s).isEmpty());
    QVERIFY(!dialog->isRunning());
    QVERIFY(exportButton(*dialog)->isEnabled());

    // Once nothing runs, Escape closes the dialog.
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
}

void TestExportDialog::failureIsShownAsPlainTextNamingTheFile()
{
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    const QString out = m_dir->filePath(u"<i>missing</i>/out.jsonl"_s);
    dialog->setOutputPath(out);
    const QList<QVariant> finished = clickExport(*dialog);
    QCOMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).toBool(), false);
    const QString message = finished.at(1).toString();
    QVERIFY2(message.startsWith(u"Export to %1 failed: "_s.arg(out)), qPrintable(message));
    QVERIFY2(message.contains(u"does not exist"_s), qPrintable(message));
    auto *label = child<QLabel>(*dialog, u"exportMessage"_s);
    QCOMPARE(label->textFormat(), Qt::PlainText);
    QCOMPARE(label->text(), message);
    QVERIFY(!QFileInfo::exists(out));
}

void TestExportDialog::suggestedPathFollowsTheFormatUntilEdited()
{
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    const QDir folder(m_dir->path());
    QCOMPARE(dialog->outputPath(), folder.filePath(u"samples-records.jsonl"_s));
    dialog->setFormat(ExportFormat::Brat);
    QCOMPARE(dialog->outputPath(), folder.filePath(u"samples-brat"_s));
    QVERIFY(dialog->writesFolder());
    dialog->setFormat(ExportFormat::Tagged);
    QCOMPARE(dialog->outputPath(), folder.filePath(u"samples-tagged"_s));
    QVERIFY(dialog->writesFolder());
    dialog->setFormat(ExportFormat::Doccano);
    QCOMPARE(dialog->outputPath(), folder.filePath(u"samples-doccano.jsonl"_s));
    QVERIFY(!dialog->writesFolder());

    dialog->setOutputPath(u"/somewhere/mine.jsonl"_s);
    dialog->setFormat(ExportFormat::RecordsCsv);
    QCOMPARE(dialog->outputPath(), u"/somewhere/mine.jsonl"_s);
}

void TestExportDialog::formatAndFolderAreRemembered()
{
    const QString folder = m_dir->filePath(u"exports"_s);
    QVERIFY(QDir().mkpath(folder));
    {
        const auto dialog = openDialog();
        QTRY_VERIFY(dialog->isReady());
        dialog->setFormat(ExportFormat::RecordsCsv);
        dialog->setOutputPath(folder + u"/first.csv"_s);
        const QList<QVariant> finished = clickExport(*dialog);
        QCOMPARE(finished.size(), 2);
        QVERIFY2(finished.at(0).toBool(), qPrintable(finished.at(1).toString()));
    }
    const QSettings settings(u"annorev"_s, u"annorev"_s);
    QCOMPARE(settings.value(u"export/format"_s).toString(), u"records-csv"_s);
    QCOMPARE(settings.value(u"export/lastDirectory"_s).toString(), folder);

    const auto again = openDialog();
    QCOMPARE(again->format(), ExportFormat::RecordsCsv);
    QCOMPARE(again->outputPath(), folder + u"/samples-records.csv"_s);
}

void TestExportDialog::atLeastOneStatusMustBeChecked()
{
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    QVERIFY(exportButton(*dialog)->isEnabled());
    auto *approved = child<QCheckBox>(*dialog, u"status-approved"_s);
    QTest::mouseClick(approved, Qt::LeftButton);
    QVERIFY(!approved->isChecked());
    QVERIFY(dialog->statuses().isEmpty());
    QVERIFY(!exportButton(*dialog)->isEnabled());
    QCOMPARE(dialog->message(), u"Choose at least one status to export."_s);
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    dialog->startExport();
    QVERIFY(!dialog->isRunning());
    QCOMPARE(finished.count(), 0);

    QTest::mouseClick(child<QCheckBox>(*dialog, u"status-unreviewed"_s), Qt::LeftButton);
    QCOMPARE(dialog->statuses(), QList<ReviewStatus>{ReviewStatus::Unreviewed});
    QVERIFY(dialog->message().isEmpty());
    // No document is unreviewed: nothing to export is said, not written.
    dialog->startExport();
    QVERIFY(!dialog->isRunning());
    QVERIFY2(dialog->message().contains(u"nothing to export"_s), qPrintable(dialog->message()));
    QVERIFY(!QFileInfo::exists(dialog->outputPath()));
}

void TestExportDialog::missingStoreIsReportedAndNotCreated()
{
    const QString missing = m_dir->filePath(u"nothing.annorev.sqlite"_s);
    const auto dialog = openDialog(missing);
    QTRY_VERIFY(dialog->message().contains(u"There is no review store at %1"_s.arg(missing)));
    QVERIFY(!dialog->isReady());
    QVERIFY(!exportButton(*dialog)->isEnabled());
    QVERIFY(!QFileInfo::exists(missing));
}

void TestExportDialog::keyboardAloneCanExport()
{
    const auto dialog = openDialog();
    QTRY_VERIFY(dialog->isReady());
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog.get()));
    QVERIFY(exportButton(*dialog)->isDefault());

    // Alt+T ("Save &to") reaches the path; Enter presses the default button, Export.
    QTest::keyClick(dialog.get(), Qt::Key_T, Qt::AltModifier);
    auto *path = child<QLineEdit>(*dialog, u"outputPath"_s);
    QTRY_VERIFY(path->hasFocus());
    path->selectAll();
    const QString out = m_dir->filePath(u"typed.jsonl"_s);
    QTest::keyClicks(path, out);
    QSignalSpy finished(dialog.get(), &ExportDialog::exportFinished);
    QTest::keyClick(path, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, exportTimeoutMs);
    QVERIFY(finished.first().at(0).toBool());
    QVERIFY(QFileInfo::exists(out));
}

void TestExportDialog::widgetsHaveAccessibleNames()
{
    const auto dialog = openDialog();
    for (const QString &name : {u"formatBox"_s, u"outputPath"_s, u"browseButton"_s, u"exportProgress"_s,
                                u"cancelButton"_s, u"exportMessage"_s, u"status-approved"_s, u"status-needs-work"_s,
                                u"status-rejected"_s, u"status-unreviewed"_s}) {
        QVERIFY2(!child<QWidget>(*dialog, name)->accessibleName().isEmpty(), qPrintable(name));
    }
    QCOMPARE(child<QLabel>(*dialog, u"formatDescription"_s)->textFormat(), Qt::PlainText);
}

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
