// annorev-benchwindow: drives the real reviewer window (offscreen is fine) through the actions the
// issue sets speed targets for, several times each, and prints the medians:
//   - switching documents in a batch of short (1-10 KB) documents, to a fully painted window;
//   - opening a 5 MB document with 20,000 spans, scrolling it a page at a time, tagging in it;
//   - scrolling and filtering the document list of a 100,000-document batch.
// --batch and --document time the user's own data instead: the time from start to a usable list
// of a batch, then its list; the long-document timings on a document of their own.
// Every timing ends with the window repainted, so it includes layout and painting.

#include "documentfilterbar.h"
#include "documentfilterproxymodel.h"
#include "documentlistmodel.h"
#include "documentgenerator.h"
#include "mainwindow.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "sourceview.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace annorev;
using annorev::bench::DocumentGenerator;

namespace {

struct Timing
{
    double median = 0;
    double worst = 0;
};

struct Options
{
    int repeat = 25;
    qsizetype listSize = 100000;
    QString batch;    // the user's batch, else a generated one
    QString document; // the user's long document, else a generated one
    QStringList searches;
};

// One long document among short neighbours, and where its batch's store goes.
struct LongDocument
{
    QStringList inputs;
    QString id;
    QString neighbourId;
    QString storePath; // empty: beside the batch, as the window puts it
    qsizetype bytes = 0;
};

// Opens a batch and processes events until the window says whether it opened.
bool openBatch(MainWindow &window, const QStringList &inputs, const QString &storePath = {})
{
    std::optional<bool> opened;
    const QMetaObject::Connection connection =
        QObject::connect(&window, &MainWindow::batchOpened, [&opened](bool ok) { opened = ok; });
    window.openBatch(inputs, storePath);
    while (!opened) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    QObject::disconnect(connection);
    if (!*opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(inputs.join(u", ")),
                     qPrintable(window.statusBar()->currentMessage()));
    }
    return *opened;
}

Timing medianOf(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    return Timing{samples[samples.size() / 2], samples.back()};
}

// Runs action `repeat` times, each followed by processing events and a synchronous repaint of
// `painted`, and returns the median and worst milliseconds. `prepare`, when given, runs before
// each action, untimed.
Timing measure(int repeat, QWidget *painted, const std::function<void(int)> &action,
               const std::function<void(int)> &prepare = {})
{
    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        if (prepare) {
            prepare(i);
        }
        QElapsedTimer timer;
        timer.start();
        action(i);
        QCoreApplication::processEvents();
        painted->repaint();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return medianOf(std::move(samples));
}

void report(const QByteArray &what, const Timing &timing, const char *target)
{
    std::printf("%-58s median %8.1f ms   worst %8.1f ms   (target %s)\n", what.constData(), timing.median,
                timing.worst, target);
    std::fflush(stdout);
}

// The process's peak resident set so far, in MB (10^6 bytes), or -1 where it cannot be read.
double peakRssMb()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0) {
        return double(usage.ru_maxrss) * 1024 / 1e6; // KiB on Linux
    }
#endif
    return -1;
}

QByteArray grouped(qsizetype n)
{
    return QLocale(QLocale::English).toString(qlonglong(n)).toUtf8();
}

// "5.24 MB", or "3.4 KB" for a document of less than a megabyte.
QByteArray sizeText(qsizetype bytes)
{
    return bytes >= 1000000 ? QByteArray::number(double(bytes) / 1e6, 'f', 2) + " MB"
                            : QByteArray::number(double(bytes) / 1e3, 'f', 1) + " KB";
}

QByteArray jsonLine(const QString &id, const QByteArray &text)
{
    QByteArray escaped;
    escaped.reserve(text.size() + text.size() / 16);
    for (const char c : text) {
        switch (c) {
        case '"':
            escaped += "\\\"";
            break;
        case '\\':
            escaped += "\\\\";
            break;
        case '\n':
            escaped += "\\n";
            break;
        case '\r':
            escaped += "\\r";
            break;
        case '\t':
            escaped += "\\t";
            break;
        default:
            escaped += c;
        }
    }
    return "{\"id\": \"" + id.toUtf8() + "\", \"text\": \"" + escaped + "\"}\n";
}

bool writeBatch(const QString &path, const std::function<QByteArray(qsizetype)> &line, qsizetype count)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    for (qsizetype i = 0; i < count; ++i) {
        file.write(line(i));
    }
    return true;
}

QString idOf(qsizetype i)
{
    return QStringLiteral("doc-%1").arg(i, 6, 10, QChar(u'0'));
}

std::optional<Options> parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times the reviewer window and prints the medians: on generated batches, or with --batch and --document "
        "on your own data (then only those timings run)."));
    parser.addHelpOption();
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs of each action (default 25)."),
                                          QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption listOption(QStringLiteral("list-size"),
                                        QStringLiteral("Documents in the generated list batch (default 100000)."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"),
        QStringLiteral("Time the window on this batch (a .jsonl file, a folder, ...): from start to a usable list, "
                       "then scrolling, filtering and searching it. Its store is the one the window uses, beside "
                       "the batch: the first run imports the batch into it."),
        QStringLiteral("FILE"));
    const QCommandLineOption documentOption(
        QStringLiteral("document"),
        QStringLiteral("Time opening, scrolling and tagging this document (.txt or .html with inline tags) "
                       "instead of a generated 5 MB one. Its store goes to a temporary folder."),
        QStringLiteral("FILE"));
    const QCommandLineOption searchOption(
        QStringLiteral("search"),
        QStringLiteral("Text to search the list's plain texts for; repeat it to alternate (default: N-4242, "
                       "A100 GPUs)."),
        QStringLiteral("TEXT"));
    parser.addOptions({repeatOption, listOption, batchOption, documentOption, searchOption});
    parser.process(app);

    Options options;
    options.repeat = std::max(3, parser.value(repeatOption).toInt());
    options.listSize = std::max<qsizetype>(1000, parser.value(listOption).toLongLong());
    options.batch = parser.value(batchOption);
    options.document = parser.value(documentOption);
    options.searches = parser.values(searchOption);
    if (options.searches.isEmpty()) {
        options.searches = {QStringLiteral("N-4242"), QStringLiteral("A100 GPUs")};
    }
    for (const QString &path : {options.batch, options.document}) {
        if (!path.isEmpty() && !QFileInfo::exists(path)) {
            std::fprintf(stderr, "annorev-benchwindow: %s does not exist\n", qPrintable(path));
            return std::nullopt;
        }
    }
    const QString suffix = QFileInfo(options.document).suffix().toLower();
    if (suffix == u"jsonl" || suffix == u"json" || QFileInfo(options.document).isDir()) {
        std::fprintf(stderr, "annorev-benchwindow: --document takes one document (.txt, .html); "
                             "time a batch with --batch\n");
        return std::nullopt;
    }
    return options;
}

// 1. Switching documents in a batch of short documents.
bool timeShortDocuments(MainWindow &window, const QTemporaryDir &dir, const DocumentGenerator &generator, int repeat)
{
    const QString batch = dir.filePath(QStringLiteral("short.jsonl"));
    qsizetype bytes = 0;
    constexpr qsizetype count = 2000;
    writeBatch(
        batch,
        [&](qsizetype i) {
            QByteArray text = generator.generate(quint64(i) + 1).text;
            // 1-10 KB: some documents are several generated ones in a row.
            for (quint64 more = 0; more < quint64(i % 4); ++more) {
                text += "\n\n" + generator.generate(quint64(i) * 7 + more + 100000).text;
            }
            bytes += text.size();
            return jsonLine(idOf(i), text);
        },
        count);
    QElapsedTimer open;
    open.start();
    if (!openBatch(window, {batch})) {
        return false;
    }
    std::printf("short batch: %lld documents, %.1f KB each on average; opened (imported) in %.2f s\n",
                qlonglong(count), double(bytes) / count / 1024, double(open.nsecsElapsed()) / 1e9);
    report("switch to the next short document, painted",
           measure(repeat * 4, &window, [&](int i) { window.showDocumentWithId(idOf(100 + i)); }), "<= 50 ms");
    return true;
}

// A 5 MB document with at least 20,000 spans, between two short ones.
LongDocument generatedLongDocument(const QTemporaryDir &dir, const DocumentGenerator &generator)
{
    QByteArray big;
    qsizetype spans = 0;
    for (quint64 seed = 1; big.size() < 5 * 1024 * 1024 || spans < 20000; ++seed) {
        const QByteArray part = generator.generate(seed * 13).text;
        spans += part.count("</");
        big += part + "\n\n";
    }
    const QString batch = dir.filePath(QStringLiteral("big.jsonl"));
    writeBatch(
        batch,
        [&](qsizetype i) {
            return i == 1 ? jsonLine(QStringLiteral("big"), big) : jsonLine(idOf(i), generator.generate(i + 1).text);
        },
        3);
    return LongDocument{{batch}, QStringLiteral("big"), idOf(0), {}, big.size()};
}

// The user's document as a file of its own (the window reads it as it would any file: HTML, encoding,
// line endings), after a short generated neighbour; the store stays in the temporary folder.
LongDocument usersLongDocument(const QTemporaryDir &dir, const DocumentGenerator &generator, const QString &path)
{
    const QString neighbours = dir.filePath(QStringLiteral("neighbours.jsonl"));
    writeBatch(
        neighbours, [&](qsizetype i) { return jsonLine(idOf(i), generator.generate(i + 1).text); }, 2);
    const QFileInfo info(path);
    return LongDocument{{neighbours, info.absoluteFilePath()},
                        info.fileName(),
                        idOf(0),
                        dir.filePath(QStringLiteral("document.annorev.sqlite")),
                        info.size()};
}

// Tags a word in the middle of the open document `repeat` times, undoing each outside the timing.
bool timeTagging(MainWindow &window, SourceView *text, int repeat)
{
    const QString plain = window.session()->document().text();
    const qsizetype spansBefore = window.session()->document().spans().size();
    if (plain.indexOf(QStringLiteral(" the ")) < 0) {
        std::printf("tagging not timed: the document has no \" the \" to tag\n");
        return true;
    }
    int tagged = 0;
    std::vector<double> tagTimes;
    std::vector<double> checkedTimes;
    std::vector<double> savedTimes;
    for (int i = 0; i < repeat; ++i) {
        qsizetype at = plain.indexOf(QStringLiteral(" the "), plain.size() / 2 + i * 997);
        if (at < 0) {
            at = plain.indexOf(QStringLiteral(" the "));
        }
        text->selectRange(at + 1, at + 4);
        QElapsedTimer timer;
        timer.start();
        window.action(QStringLiteral("tag-exact-country"))->trigger();
        QCoreApplication::processEvents();
        window.repaint();
        tagTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        tagged += window.session()->document().spans().size() == spansBefore + 1 ? 1 : 0;
        // Then the findings and records of the edited text, checked on the session's writer
        // thread, and the store's commit.
        while (!window.session()->isChecked()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        QCoreApplication::processEvents();
        window.repaint();
        checkedTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        window.session()->waitForSaved();
        savedTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        // Undone outside the timing, so that every run tags the same document.
        window.session()->undoStack()->undo();
        window.session()->waitForSaved();
        QCoreApplication::processEvents();
    }
    report("tag a selection in the long document, painted", medianOf(tagTimes), "<= 50 ms");
    report("  ... its findings and records painted", medianOf(checkedTimes), "");
    report("  ... committed to the store", medianOf(savedTimes), "");
    if (tagged != repeat) {
        std::fprintf(stderr, "only %d of %d selections were tagged: %s\n", tagged, repeat,
                     qPrintable(window.statusBar()->currentMessage()));
        return false;
    }
    return true;
}

// 2. Opening, scrolling and tagging a long document.
bool timeLongDocument(MainWindow &window, const LongDocument &document, int repeat)
{
    if (!openBatch(window, document.inputs, document.storePath)) {
        return false;
    }
    report("open the " + sizeText(document.bytes) + " document, painted",
           measure(std::max(3, repeat / 5), &window,
                   [&](int i) {
                       window.showDocumentWithId(i % 2 == 0 ? document.id : document.neighbourId);
                       if (i % 2 != 0) {
                           window.showDocumentWithId(document.id);
                       }
                   }),
           "<= 1000 ms");
    // Checked after the timing, not before: showing it first would leave the first run nothing to open.
    if (!window.showDocumentWithId(document.id)) {
        std::fprintf(stderr, "the batch has no document %s\n", qPrintable(document.id));
        return false;
    }
    QCoreApplication::processEvents();
    std::printf("long document: %s, %lld spans, %lld findings, %lld records\n", sizeText(document.bytes).constData(),
                qlonglong(window.session()->document().spans().size()),
                qlonglong(window.session()->result().findings.size()),
                qlonglong(window.session()->result().analysis.records().size()));
    auto *text = window.findChild<SourceView *>(QStringLiteral("textView"));
    QScrollBar *bar = text->verticalScrollBar();
    report("scroll the long document by a page, painted",
           measure(repeat * 4, text->viewport(),
                   [&](int i) { bar->setValue(bar->value() + bar->pageStep() * (i % 2 == 0 ? 7 : -3)); }),
           "no stutter (< 16 ms)");
    return timeTagging(window, text, repeat);
}

QString writeListBatch(const QTemporaryDir &dir, qsizetype listSize)
{
    const QString batch = dir.filePath(QStringLiteral("list.jsonl"));
    writeBatch(
        batch,
        [&](qsizetype i) {
            return jsonLine(idOf(i), i % 3 == 0
                                         ? QByteArray("<model>M-") + QByteArray::number(i) +
                                               QByteArray("</model> was trained on 8 <hardware>A100</hardware> GPUs.")
                                         : QByteArray("Model N-") + QByteArray::number(i) +
                                               QByteArray(" has <params>7B</params> parameters."));
        },
        listSize);
    return batch;
}

// Processes events until the list of the batch shown holds all its documents.
void waitForWholeList(const MainWindow &window)
{
    const auto *progress = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
    while (progress->text().startsWith(QStringLiteral("Listing"))) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
}

// Opens the user's batch and waits until its list is usable: shown, filled, its first row current
// and painted. `sinceStart` started with the process.
bool timeUsableList(MainWindow &window, const QString &batch, const QElapsedTimer &sinceStart)
{
    QElapsedTimer open;
    open.start();
    if (!openBatch(window, {batch})) {
        return false;
    }
    auto *list = window.findChild<QTreeView *>(QStringLiteral("documentList"));
    const QAbstractItemModel *model = list->model();
    const int rows = model->rowCount();
    if (rows == 0 || !(model->index(0, 0).flags() & Qt::ItemIsSelectable)) {
        std::fprintf(stderr, "the list of %s has no selectable first row\n", qPrintable(batch));
        return false;
    }
    list->setCurrentIndex(model->index(0, 0));
    QCoreApplication::processEvents();
    window.repaint();
    if (window.currentDocumentId().isEmpty()) {
        std::fprintf(stderr, "the first row of %s does not open a document\n", qPrintable(batch));
        return false;
    }
    std::printf("usable list: %s documents; %.0f ms from start, %.0f ms from opening the batch; peak RSS %.1f MB\n",
                grouped(rows).constData(), double(sinceStart.nsecsElapsed()) / 1e6, double(open.nsecsElapsed()) / 1e6,
                peakRssMb());
    std::fflush(stdout);
    // The rest of the list comes in pages while the list is already in use.
    waitForWholeList(window);
    std::printf("whole list: %s documents listed %.0f ms from opening the batch; peak RSS %.1f MB\n",
                grouped(model->rowCount()).constData(), double(open.nsecsElapsed()) / 1e6, peakRssMb());
    std::fflush(stdout);
    return true;
}

// Processes events until the list's rows follow its filters and sort: above a threshold they are
// worked out on a worker.
void waitForListRows(QTreeView *list)
{
    const auto *proxy = qobject_cast<const DocumentFilterProxyModel *>(list->model());
    while (proxy != nullptr && proxy->isUpdating()) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    }
}

// 3. Scrolling, filtering and searching the document list of the open batch.
void timeDocumentList(MainWindow &window, int repeat, const QStringList &searches)
{
    auto *list = window.findChild<QTreeView *>(QStringLiteral("documentList"));
    const QByteArray rows = grouped(list->model()->rowCount());
    QScrollBar *bar = list->verticalScrollBar();
    report("scroll the " + rows + "-document list by a page, painted",
           measure(repeat * 4, list->viewport(),
                   [&](int i) {
                       bar->setValue((bar->value() + bar->pageStep() * 37 * (i + 1)) % std::max(1, bar->maximum()));
                   }),
           "smooth (< 16 ms)");
    auto *findings = window.findChild<QComboBox *>(QStringLiteral("findingFilter"));
    auto *labels = window.findChild<QComboBox *>(QStringLiteral("labelFilter"));
    report("filter the list (findings or label), painted",
           measure(repeat, &window,
                   [&](int i) {
                       if (i % 2 == 0) {
                           findings->setCurrentIndex((i / 2) % findings->count());
                       } else {
                           labels->setCurrentIndex((i / 2) % labels->count());
                       }
                       waitForListRows(list);
                   }),
           "smooth");
    findings->setCurrentIndex(0);
    labels->setCurrentIndex(0);
    waitForListRows(list);
    report("sort the list by errors, then by id, painted",
           measure(repeat, &window,
                   [&](int i) {
                       list->sortByColumn(i % 2 == 0 ? DocumentListModel::ErrorsColumn : DocumentListModel::IdColumn,
                                          Qt::DescendingOrder);
                       waitForListRows(list);
                   }),
           "smooth");
    report("sort the list by disagreement with suggestions (Ctrl+Alt+D), then by id, painted",
           measure(repeat, &window,
                   [&](int i) {
                       if (i % 2 == 0) {
                           window.action(QStringLiteral("sortByDisagreement"))->trigger();
                       } else {
                           list->sortByColumn(DocumentListModel::IdColumn, Qt::AscendingOrder);
                       }
                       waitForListRows(list);
                   }),
           "smooth");
    list->sortByColumn(-1, Qt::AscendingOrder);
    waitForListRows(list);
    auto *filterBar = window.findChild<DocumentFilterBar *>(QStringLiteral("filterBar"));
    const auto searchFor = [&](const QString &text) {
        filterBar->searchEdit()->setText(text);
        while (filterBar->isSearching()) {
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        }
        waitForListRows(list);
    };
    // Each search on its own from the whole list, as typed into an empty search field.
    for (const QString &search : searches) {
        report("search the plain texts for \"" + search.toUtf8() + "\" after the typing pause, painted",
               measure(
                   std::max(3, repeat / 3), &window, [&](int) { searchFor(search); },
                   [&](int) {
                       searchFor(QString());
                       window.repaint();
                   }),
               "(includes the 300 ms pause)");
    }
    searchFor(QString());
}

// 4. Another process decides on more documents than the window updates one by one: the list is
// read again on a worker. Timed from the other connection's commit to the list showing it, with
// the longest the window's event loop was held up meanwhile. Only on the generated batch: it
// writes decisions into the store (and takes them back).
void timeListReadAgain(MainWindow &window, int repeat)
{
    auto *list = window.findChild<QTreeView *>(QStringLiteral("documentList"));
    const auto *progress = window.findChild<QLabel *>(QStringLiteral("progressLabel"));
    const Expected<std::unique_ptr<ReviewStore>> other = ReviewStore::open(window.storePath());
    if (!other) {
        std::fprintf(stderr, "%s\n", qPrintable(other.error().message));
        return;
    }
    QStringList ids;
    for (int row = 0; row <= MainWindow::relistAbove; ++row) {
        ids.append(list->model()->index(row, DocumentListModel::IdColumn).data(DocumentListModel::IdRole).toString());
    }
    const QLocale locale;
    std::vector<double> longestPauses;
    const Timing timing = measure(std::max(3, repeat / 3), &window, [&](int i) {
        const ReviewStatus status = i % 2 == 0 ? ReviewStatus::NeedsWork : ReviewStatus::Unreviewed;
        if (!(*other)->setStatus(ids, status, {}, QStringLiteral("bench"))) {
            std::fprintf(stderr, "the other connection could not decide\n");
            return;
        }
        const QString shown = locale.toString(i % 2 == 0 ? ids.size() : 0) + QStringLiteral(" / ");
        QElapsedTimer pause;
        pause.start();
        QElapsedTimer waited;
        waited.start();
        double longest = 0;
        while (!progress->text().startsWith(shown)) {
            if (waited.hasExpired(120'000)) {
                std::fprintf(stderr, "the list did not show the decisions within two minutes\n");
                break;
            }
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
            longest = std::max(longest, double(pause.nsecsElapsed()) / 1e6);
            pause.restart();
        }
        longestPauses.push_back(longest);
    });
    report("another process decides on " + grouped(ids.size()) + " documents: the list read again, painted", timing,
           "(the store is asked twice a second)");
    std::printf("  the window's event loop held up at most %.1f ms meanwhile (median of the runs' longest)\n",
                medianOf(std::move(longestPauses)).median);
    std::fflush(stdout);
}

// What runs without --batch or --document: every timing on generated batches.
int runGenerated(MainWindow &window, const QTemporaryDir &dir, const Options &options)
{
    const DocumentGenerator generator(0.2, false);
    if (!timeShortDocuments(window, dir, generator, options.repeat) ||
        !timeLongDocument(window, generatedLongDocument(dir, generator), options.repeat)) {
        return 1;
    }
    const QString batch = writeListBatch(dir, options.listSize);
    QElapsedTimer open;
    open.start();
    if (!openBatch(window, {batch})) {
        return 1;
    }
    std::printf("list batch: %lld documents opened (imported into a new store) in %.2f s\n",
                qlonglong(options.listSize), double(open.nsecsElapsed()) / 1e9);
    // The list is timed whole: past its first page, the rest is listed behind it.
    waitForWholeList(window);
    timeDocumentList(window, options.repeat, options.searches);
    timeListReadAgain(window, options.repeat);
    return 0;
}

// With --batch or --document: the timings on the user's data alone.
int runUsers(MainWindow &window, const QTemporaryDir &dir, const Options &options, const QElapsedTimer &sinceStart)
{
    if (!options.batch.isEmpty()) {
        if (!timeUsableList(window, options.batch, sinceStart)) {
            return 1;
        }
        timeDocumentList(window, options.repeat, options.searches);
    }
    if (!options.document.isEmpty()) {
        const DocumentGenerator generator(0.2, false);
        if (!timeLongDocument(window, usersLongDocument(dir, generator, options.document), options.repeat)) {
            return 1;
        }
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    const std::optional<Options> options = parseOptions(app);
    if (!options) {
        return 2;
    }

    // The benchmark's settings stay out of the user's.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 2;
    }

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();

    if (options->batch.isEmpty() && options->document.isEmpty()) {
        return runGenerated(window, dir, *options);
    }
    return runUsers(window, dir, *options, sinceStart);
}
