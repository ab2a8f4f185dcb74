#pragma once

#include "mainwindow.h"
#include "sourceview.h"
#include "testsupport.h"

#include <QStatusBar>
#include <QString>
#include <QTemporaryDir>

#include <memory>

using namespace Qt::StringLiterals;

// What the window tests share: a fresh batch of the samples plus two documents of their own, with
// its store beside it, and the ways a test opens a window on it and reads back what was saved.
namespace annorev::test {

inline const QString first = u"000_fb52d27db3b8b6ee.txt"_s;
inline const QString second = u"001_1d6e54ff941a55a9.txt"_s;
inline const QString extra = u"005_extra.txt"_s;
inline const QString broken = u"006_broken.txt"_s;
inline const QByteArray extraSource =
    "<model>Foo-13B</model> has 13 billion parameters and was trained on 8 GPUs in 2021.\n";
inline const QByteArray brokenSource = "Trained on <hardware>NVIDIA A100 GPUs by <model>Bar-7B</model>.\n";

inline QString statusMessage(const MainWindow &window)
{
    return window.statusBar()->currentMessage();
}

// The ids the document list shows, in its order.
QStringList listedIds(const MainWindow &window);

// Opens a batch in the window and waits until it is open or refused; whether it opened.
bool openBatch(MainWindow &window, const QStringList &inputs, const QString &storePath = {});

class WindowFixture
{
protected:
    // Called from each test class's init() and cleanup().
    void setUp();
    void tearDown();

    std::unique_ptr<MainWindow> openWindow(bool show = false);
    static SourceView *text(const MainWindow &window) { return child<SourceView>(window, u"textView"_s); }
    static void selectText(SourceView *view, const QString &needle, qsizetype from = 0, qsizetype length = -1);
    QByteArray stored(const MainWindow &window, const QString &id) const;
    // Saves a round of these documents in the window's store and picks it in the spot-check panel.
    static bool pickNewRound(MainWindow &window, const QString &name, const QStringList &ids);

    QString m_batch;
    std::unique_ptr<QTemporaryDir> m_dir;
};

} // namespace annorev::test
