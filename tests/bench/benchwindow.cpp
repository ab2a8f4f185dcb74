// annorev-benchwindow: drives the real reviewer window (offscreen is fine) through the actions the
// issue sets speed targets for, several times each, and prints the medians:
//   - switching documents in a batch of short (1-10 KB) documents, to a fully painted window;
//   - opening a 5 MB document with 20,000 spans, scrolling it a page at a time, tagging in it;
//   - scrolling and filtering the document list of a 100,000-document batch.
// Every timing ends with the window repainted, so it includes layout and painting.

#include "documentfilterbar.h"
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
#include <QLineEdit>
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

using namespace annorev;
using annorev::bench::DocumentGenerator;

namespace {

struct Timing
{
    double median = 0;
    double worst = 0;
};

// Opens a batch and processes events until the window says whether it opened.
bool openBatch(MainWindow &window, const QStringList &inputs)
{
    std::optional<bool> opened;
    const QMetaObject::Connection connection =
        QObject::connect(&window, &MainWindow::batchOpened, [&opened](bool ok) { opened = ok; });
    window.openBatch(inputs);
    while (!opened) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    QObject::disconnect(connection);
    return *opened;
}

// Runs action `repeat` times, each followed by processing events and a synchronous repaint of
// `painted`, and returns the median and worst milliseconds.
Timing measure(int repeat, QWidget *painted, const std::function<void(int)> &action)
{
    std::vector<double> samples;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer timer;
        timer.start();
        action(i);
        QCoreApplication::processEvents();
        painted->repaint();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return Timing{samples[samples.size() / 2], samples.back()};
}

void report(const char *what, const Timing &timing, const char *target)
{
    std::printf("%-58s median %8.1f ms   worst %8.1f ms   (target %s)\n", what, timing.median, timing.worst, target);
    std::fflush(stdout);
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the reviewer window on generated batches and prints the medians."));
    parser.addHelpOption();
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Runs of each action (default 25)."),
                                          QStringLiteral("N"), QStringLiteral("25"));
    const QCommandLineOption listOption(QStringLiteral("list-size"),
                                        QStringLiteral("Documents in the list batch (default 100000)."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOptions({repeatOption, listOption});
    parser.process(app);
    const int repeat = std::max(3, parser.value(repeatOption).toInt());
    const qsizetype listSize = std::max<qsizetype>(1000, parser.value(listOption).toLongLong());

    // The benchmark's settings stay out of the user's.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "cannot create a temporary folder\n");
        return 2;
    }
    const DocumentGenerator generator(0.2, false);

    MainWindow window;
    window.resize(1440, 900);
    window.show();
    QCoreApplication::processEvents();

    // 1. Switching documents in a batch of short documents.
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
            return 1;
        }
        std::printf("short batch: %lld documents, %.1f KB each on average; opened (imported) in %.2f s\n",
                    qlonglong(count), double(bytes) / count / 1024, double(open.nsecsElapsed()) / 1e9);
        report("switch to the next short document, painted",
               measure(repeat * 4, &window, [&](int i) { window.showDocumentWithId(idOf(100 + i)); }), "<= 50 ms");
    }

    // 2. One 5 MB document with 20,000 spans among short ones.
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
                return i == 1 ? jsonLine(QStringLiteral("big"), big)
                              : jsonLine(idOf(i), generator.generate(i + 1).text);
            },
            3);
        if (!openBatch(window, {batch})) {
            return 1;
        }
        report("open the 5 MB document, painted",
               measure(std::max(3, repeat / 5), &window,
                       [&](int i) {
                           window.showDocumentWithId(i % 2 == 0 ? QStringLiteral("big") : idOf(0));
                           if (i % 2 != 0) {
                               window.showDocumentWithId(QStringLiteral("big"));
                           }
                       }),
               "<= 1000 ms");
        window.showDocumentWithId(QStringLiteral("big"));
        QCoreApplication::processEvents();
        std::printf("big document: %.2f MB, %lld spans, %lld findings, %lld records\n", double(big.size()) / 1e6,
                    qlonglong(window.session()->document().spans().size()),
                    qlonglong(window.session()->result().findings.size()),
                    qlonglong(window.session()->result().analysis.records().size()));
        auto *text = window.findChild<SourceView *>(QStringLiteral("textView"));
        QScrollBar *bar = text->verticalScrollBar();
        report("scroll the 5 MB document by a page, painted",
               measure(repeat * 4, text->viewport(),
                       [&](int i) { bar->setValue(bar->value() + bar->pageStep() * (i % 2 == 0 ? 7 : -3)); }),
               "no stutter (< 16 ms)");
        // Tag a word in the middle, then undo outside the timing so every run tags the same text.
        const QString plain = window.session()->document().text();
        const qsizetype spansBefore = window.session()->document().spans().size();
        int tagged = 0;
        std::vector<double> tagTimes;
        std::vector<double> checkedTimes;
        std::vector<double> savedTimes;
        for (int i = 0; i < repeat; ++i) {
            const qsizetype at = plain.indexOf(QStringLiteral(" the "), plain.size() / 2 + i * 997);
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
        auto timing = [](std::vector<double> samples) {
            std::sort(samples.begin(), samples.end());
            return Timing{samples[samples.size() / 2], samples.back()};
        };
        report("tag a selection in the 5 MB document, painted", timing(tagTimes), "<= 50 ms");
        report("  ... its findings and records painted", timing(checkedTimes), "");
        report("  ... committed to the store", timing(savedTimes), "");
        if (tagged != repeat) {
            std::fprintf(stderr, "only %d of %d selections were tagged: %s\n", tagged, repeat,
                         qPrintable(window.statusBar()->currentMessage()));
            return 1;
        }
    }

    // 3. The document list of a large batch.
    {
        const QString batch = dir.filePath(QStringLiteral("list.jsonl"));
        writeBatch(
            batch,
            [&](qsizetype i) {
                return jsonLine(idOf(i),
                                i % 3 == 0 ? QByteArray("<model>M-") + QByteArray::number(i) +
                                                 QByteArray("</model> was trained on 8 <hardware>A100</hardware> GPUs.")
                                           : QByteArray("Model N-") + QByteArray::number(i) +
                                                 QByteArray(" has <params>7B</params> parameters."));
            },
            listSize);
        QElapsedTimer open;
        open.start();
        if (!openBatch(window, {batch})) {
            return 1;
        }
        std::printf("list batch: %lld documents opened (imported into a new store) in %.2f s\n", qlonglong(listSize),
                    double(open.nsecsElapsed()) / 1e9);
        auto *list = window.findChild<QTreeView *>(QStringLiteral("documentList"));
        QScrollBar *bar = list->verticalScrollBar();
        report("scroll the 100,000-document list by a page, painted",
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
                       }),
               "smooth");
        auto *filterBar = window.findChild<DocumentFilterBar *>(QStringLiteral("filterBar"));
        findings->setCurrentIndex(0);
        labels->setCurrentIndex(0);
        report("search the plain texts, after the typing pause, painted",
               measure(std::max(3, repeat / 3), &window,
                       [&](int i) {
                           filterBar->searchEdit()->setText(i % 2 == 0 ? QStringLiteral("N-4242")
                                                                       : QStringLiteral("A100 GPUs"));
                           while (filterBar->isSearching()) {
                               QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
                           }
                       }),
               "(includes the 300 ms pause)");
    }
    return 0;
}
