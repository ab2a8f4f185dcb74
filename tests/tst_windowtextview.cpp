#include "colourmetrics.h"
#include "comparepanel.h"
#include "countryaliases.h"
#include "dashboarddialog.h"
#include "document.h"
#include "documentlistmodel.h"
#include "drawrounddialog.h"
#include "exportdialog.h"
#include "filedialogs.h"
#include "findinglistmodel.h"
#include "folderentries.h"
#include "inlinemessage.h"
#include "labelcolour.h"
#include "mainwindow.h"
#include "plaintooltipdelegate.h"
#include "recordtablemodel.h"
#include "reviewsession.h"
#include "reviewstore.h"
#include "schema.h"
#include "shortcutsdialog.h"
#include "sourceview.h"
#include "spancomparisonmodel.h"
#include "spanhighlighter.h"
#include "spotcheckpanel.h"
#include "testsupport.h"
#include "windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QScopeGuard>
#include <QSet>
#include <QProcess>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

#include <functional>
#include <memory>
#include <sys/inotify.h>
#include <unistd.h>

using namespace annorev;
using namespace annorev::test;

// The text pane shows each span and finding on the characters it names, in colours that read.
class TestWindowTextView : public QObject, private WindowFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void labelKeyTagsTheWordShownAfterManyLineBreaks_data();
    void labelKeyTagsTheWordShownAfterManyLineBreaks();
    void rawSourceToggleShowsTheTags();
    void spansAreHighlightedInTheirLabelColour();
    void editsRehighlightOnlyTheBlocksTheyTouch();
    void darkPalettesGetLighterUnderlines();
    void spanBackgroundsAsPaintedDifferAndKeepTextLegible_data();
    void spanBackgroundsAsPaintedDifferAndKeepTextLegible();
    void findingsShowASeverityIcon();
    void toolTipsNameLabelValueAndRecord();
};

void TestWindowTextView::labelKeyTagsTheWordShownAfterManyLineBreaks_data()
{
    QTest::addColumn<QString>("lineBreak");
    QTest::addColumn<QString>("inLine"); // in every line before the word

    QTest::addRow("lf") << u"\n"_s << QString();
    QTest::addRow("cr") << u"\r"_s << QString();
    QTest::addRow("crlf") << u"\r\n"_s << QString();
    QTest::addRow("line separator") << u"\u2028"_s << QString();
    QTest::addRow("paragraph separator") << u"\u2029"_s << QString();
    QTest::addRow("astral characters") << u"\n"_s << u"\U0001F600 \U0001D518"_s;
    QTest::addRow("nul") << u"\n"_s << QString(QChar(u'\0'));
    QTest::addRow("crlf, astral and nul") << u"\r\n"_s << u"\U0001F600\0"_s;
}

// What the reviewer sees is what is saved: the word selected in the view, after many line breaks
// of any kind, is the word the tag wraps, and every highlight lands on the characters it names.
void TestWindowTextView::labelKeyTagsTheWordShownAfterManyLineBreaks()
{
    QFETCH(QString, lineBreak);
    QFETCH(QString, inLine);
    QString body;
    for (int line = 1; line <= 60; ++line) {
        body += u"Line "_s + QString::number(line) + u" of notes"_s + inLine + u'.' + lineBreak;
    }
    const QString last = u"We trained on 512 <hardware>NVIDIA A100 GPUs</hardware> in Peru for a week."_s;
    const QString id = u"007_breaks.txt"_s;
    writeFile(m_batch + u'/' + id, (body + last + lineBreak).toUtf8());
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(id));
    SourceView *view = text(*window);

    // The reviewer's selection: a double click on the word the view shows.
    const QTextCursor peru = view->document()->find(u"Peru"_s);
    QVERIFY(!peru.isNull());
    QTextCursor inWord(view->document());
    inWord.setPosition(peru.selectionStart() + 2);
    view->setTextCursor(inWord); // scrolls the word into sight
    view->setFocus(Qt::OtherFocusReason);
    const QPoint onWord = view->cursorRect(inWord).center();
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, onWord);
    QCOMPARE(view->textCursor().selectedText(), u"Peru"_s);
    const QString plain = window->session()->document().text();
    const qsizetype start = plain.indexOf(u"Peru"_s);
    QCOMPARE(view->selectedRange(), std::pair(start, start + 4));
    QTest::keyClick(view, Qt::Key_6); // country
    QVERIFY(window->session()->waitForSaved());
    QString tagged = last;
    tagged.replace(u"Peru"_s, u"<country>Peru</country>"_s);
    QCOMPARE(stored(*window, id), (body + tagged + lineBreak).toUtf8());

    // The span's background starts at the word in the view and covers it, no more.
    QTRY_VERIFY(window->session()->isChecked());
    auto formatsAt = [&](const QTextCursor &word) {
        const QTextBlock block = view->document()->findBlock(word.selectionStart());
        QList<QTextLayout::FormatRange> found;
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (block.position() + range.start == word.selectionStart()) {
                found.append(range);
            }
        }
        return found;
    };
    const QList<QTextLayout::FormatRange> country = formatsAt(view->document()->find(u"Peru"_s));
    QVERIFY(!country.isEmpty());
    QCOMPARE(country.first().length, 4);
    QCOMPARE(country.first().format.background().color().rgb(), labelColour(*Schema::builtin().label(u"country")).rgb());
    // The finding about the untagged count underlines the count.
    const QTextCursor count = view->document()->find(u"512"_s);
    const QList<QTextLayout::FormatRange> waved = formatsAt(count);
    QVERIFY(!waved.isEmpty());
    QCOMPARE(waved.first().length, 3);
    QCOMPARE(waved.first().format.underlineStyle(), QTextCharFormat::WaveUnderline);

    // The record cell selects the span, and the cursor in the span selects the cell.
    auto *records = child<QTableView>(*window, u"recordTable"_s);
    records->setCurrentIndex(records->model()->index(RecordTableModel::CountryColumn, 0));
    QCOMPARE(view->textCursor().selectedText(), u"Peru"_s);
    QTextCursor inside = view->document()->find(u"NVIDIA"_s);
    inside.setPosition(inside.selectionStart() + 2);
    view->setTextCursor(inside);
    QCOMPARE(records->currentIndex(), records->model()->index(RecordTableModel::HardwareColumn, 0));

    // An activated finding selects its own range and outlines the span it names, each where the
    // document holds it.
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    const QModelIndexList untagged = findings->model()->match(findings->model()->index(0, FindingListModel::RuleColumn),
                                                              Qt::DisplayRole, u"gpu-count-untagged"_s);
    QCOMPARE(untagged.size(), 1);
    findings->setCurrentIndex(untagged.first());
    emit findings->activated(untagged.first());
    const auto [from, to] = view->selectedRange();
    QVERIFY(to > from);
    QCOMPARE(view->textCursor().selectedText(), plain.mid(from, to - from));
    QCOMPARE(plain.mid(from, to - from), u"512"_s);
    QVERIFY(!view->extraSelections().isEmpty());
    const QTextCursor outlined = view->extraSelections().constLast().cursor;
    const qsizetype hardware = plain.lastIndexOf(u"NVIDIA A100 GPUs"_s);
    QCOMPARE(outlined.selectedText(), plain.mid(hardware, 16));
    QCOMPARE(outlined.selectionStart() - view->document()->find(u"512"_s).selectionStart(), 4);

    // The tooltip over the word names its label.
    QTextCursor over = view->document()->find(u"Peru"_s);
    over.setPosition(over.selectionStart() + 1);
    const QPoint pos = view->cursorRect(over).center();
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(Schema::builtin().label(u"country")->displayName + u": Peru"_s),
             qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestWindowTextView::rawSourceToggleShowsTheTags()
{
    auto window = openWindow(true);
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(text(*window)->isRawSource());
    QVERIFY(text(*window)->toPlainText().contains(u"<model>NeuroFlex-7B</model>"_s));
    QVERIFY(!window->action(u"tag-model"_s)->isEnabled());
    QTest::keyClick(window.get(), Qt::Key_U, Qt::ControlModifier);
    QVERIFY(!text(*window)->toPlainText().contains(u"<model>"_s));
    QVERIFY(window->action(u"tag-model"_s)->isEnabled());
}

void TestWindowTextView::spansAreHighlightedInTheirLabelColour()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    const qsizetype at = view->toPlainText().indexOf(u"NeuroFlex-7B"_s);
    const QTextBlock block = view->document()->findBlock(int(at));
    const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
    const auto found = std::find_if(formats.cbegin(), formats.cend(), [&](const QTextLayout::FormatRange &range) {
        return block.position() + range.start == at && range.length == 12;
    });
    QVERIFY(found != formats.cend());
    const QColor colour = found->format.background().color();
    QCOMPARE(colour.rgb(), labelColour(*Schema::builtin().label(u"model")).rgb());
    QVERIFY(colour.alpha() > 0 && colour.alpha() < 255);
    // The untagged count a finding names is underlined with a wave.
    const qsizetype count = view->toPlainText().indexOf(u"512"_s);
    const QTextBlock countBlock = view->document()->findBlock(int(count));
    bool waved = false;
    for (const QTextLayout::FormatRange &range : countBlock.layout()->formats()) {
        waved = waved || (countBlock.position() + range.start <= count &&
                          range.format.underlineStyle() == QTextCharFormat::WaveUnderline);
    }
    QVERIFY(waved);
    // Highlights are decoration, not content: the document holds no character formats.
    QVERIFY(!view->document()->toHtml().contains(u"background-color"_s));
}

void TestWindowTextView::editsRehighlightOnlyTheBlocksTheyTouch()
{
    QByteArray longSource;
    for (int i = 0; i < 400; ++i) {
        longSource +=
            "Paragraph " + QByteArray::number(i) + " trains <model>M" + QByteArray::number(i) + "</model> on 8 GPUs.\n";
    }
    writeFile(m_batch + u"/long.txt"_s, longSource);
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(u"long.txt"_s));
    SpanHighlighter *highlighter = text(*window)->highlighter();
    const int before = highlighter->highlightedBlocks();
    QVERIFY(before >= 400);
    selectText(text(*window), u"Paragraph 200 trains"_s, 0, 9);
    QTest::keyClick(text(*window), Qt::Key_7, Qt::AltModifier);
    QTRY_VERIFY(stored(*window, u"long.txt"_s).contains("<year>Paragraph</year> 200"));
    QTRY_VERIFY(highlighter->highlightedBlocks() > before);
    QVERIFY2(highlighter->highlightedBlocks() - before <= 3,
             qPrintable(QString::number(highlighter->highlightedBlocks() - before)));
}

void TestWindowTextView::darkPalettesGetLighterUnderlines()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    auto underlineAt = [view](qsizetype position) {
        const QTextBlock block = view->document()->findBlock(int(position));
        for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
            if (block.position() + range.start <= position &&
                position < block.position() + range.start + range.length &&
                range.format.underlineStyle() == QTextCharFormat::WaveUnderline) {
                return range.format.underlineColor();
            }
        }
        return QColor();
    };
    const qsizetype count = view->toPlainText().indexOf(u"512"_s);
    const QColor light = underlineAt(count);
    QVERIFY(light.isValid());
    QPalette dark = view->palette();
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    view->setPalette(dark);
    const QColor onDark = underlineAt(count);
    QVERIFY(onDark.isValid());
    QVERIFY2(onDark.lightnessF() > light.lightnessF(), qPrintable(onDark.name() + u' ' + light.name()));
}

void TestWindowTextView::spanBackgroundsAsPaintedDifferAndKeepTextLegible_data()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("textColour");
    QTest::addRow("light") << QColor(Qt::white) << QColor(Qt::black);
    QTest::addRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xee, 0xee, 0xee);
}

void TestWindowTextView::spanBackgroundsAsPaintedDifferAndKeepTextLegible()
{
    QFETCH(QColor, base);
    QFETCH(QColor, textColour);
    // One span of each label, on one line, read back from the pixels the view paints.
    QByteArray source;
    for (const LabelInfo &label : Schema::builtin().labels()) {
        source += "and <" + label.name.toUtf8() + ">Wwwwwwww</" + label.name.toUtf8() + "> ";
    }
    writeFile(m_batch + u"/colours.txt"_s, source + "\n");
    auto window = openWindow(true);
    QVERIFY(window->showDocumentWithId(u"colours.txt"_s));
    SourceView *view = text(*window);
    QPalette palette = view->palette();
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Text, textColour);
    view->setPalette(palette);
    view->resize(1400, view->height());
    const QImage image = view->viewport()->grab().toImage();
    const Document &doc = window->session()->document();
    QCOMPARE(doc.spans().size(), 7);
    QList<QColor> painted;
    for (const Span &span : doc.spans()) {
        QTextCursor cursor(view->document());
        cursor.setPosition(int(span.start));
        const QRect from = view->cursorRect(cursor);
        cursor.setPosition(int(span.end));
        const QRect to = view->cursorRect(cursor);
        QVERIFY2(from.top() == to.top() && to.left() - from.right() > 20, qPrintable(span.label));
        // The background is the colour most of the span's box has: glyphs cover the least of it.
        QHash<QRgb, int> counts;
        for (int y = from.top() + 1; y < from.bottom(); ++y) {
            for (int x = from.right() + 2; x < to.left() - 1; ++x) {
                ++counts[image.pixel(x, y)];
            }
        }
        QRgb most = 0;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            if (it.value() > counts.value(most)) {
                most = it.key();
            }
        }
        painted.append(QColor::fromRgb(most));
        const double contrast = ColourMetrics::contrastRatio(textColour, painted.last());
        QVERIFY2(contrast >= 4.5, qPrintable(u"%1 on %2: %3"_s.arg(span.label, painted.last().name()).arg(contrast)));
        QVERIFY2(ColourMetrics::ciede2000(painted.last(), base) > 10, qPrintable(span.label));
    }
    for (qsizetype i = 0; i < painted.size(); ++i) {
        for (qsizetype j = i + 1; j < painted.size(); ++j) {
            const double difference = ColourMetrics::ciede2000(painted[i], painted[j]);
            QVERIFY2(difference >= 20, qPrintable(u"%1 (%2) and %3 (%4): %5"_s
                                                      .arg(doc.spans()[i].label, painted[i].name(),
                                                           doc.spans()[j].label, painted[j].name())
                                                      .arg(difference)));
        }
    }
}

void TestWindowTextView::findingsShowASeverityIcon()
{
    auto window = openWindow(true);
    // An info and two warnings.
    QVERIFY(window->showDocumentWithId(u"004_777d6b4e246e2bc8.txt"_s));
    auto *findings = child<QTableView>(*window, u"findingTable"_s);
    QHash<int, qint64> iconOf;
    for (int row = 0; row < findings->model()->rowCount(); ++row) {
        const QModelIndex severity = findings->model()->index(row, FindingListModel::SeverityColumn);
        const auto icon = severity.data(Qt::DecorationRole).value<QIcon>();
        QVERIFY2(!icon.isNull(), qPrintable(severity.data().toString()));
        const int rank = severity.data(FindingListModel::SeverityRole).toInt();
        QVERIFY(iconOf.value(rank, icon.cacheKey()) == icon.cacheKey());
        iconOf.insert(rank, icon.cacheKey());
        // The icon goes with the word, not instead of it.
        QVERIFY(!severity.data().toString().isEmpty());
    }
    QVERIFY2(iconOf.size() >= 2, "the document should have findings of two severities");
    QCOMPARE(QSet<qint64>(iconOf.cbegin(), iconOf.cend()).size(), iconOf.size());
}

void TestWindowTextView::toolTipsNameLabelValueAndRecord()
{
    auto window = openWindow(true);
    SourceView *view = text(*window);
    QTextCursor cursor(view->document());
    cursor.setPosition(int(view->toPlainText().indexOf(u"7.2 billion"_s)) + 3);
    const QPoint pos = view->cursorRect(cursor).center();
    QHelpEvent help(QEvent::ToolTip, pos, view->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"7.2 × 10⁹"_s), qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(u"record 1"_s));

    // Document text in a tooltip is escaped, never interpreted.
    PlainToolTipDelegate::showPlainToolTip(view->mapToGlobal(QPoint(5, 5)), u"<b>bold</b> & <img src=x>"_s, view);
    QVERIFY(QToolTip::text().contains(u"&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;"_s));
    QToolTip::hideText();
}

QTEST_MAIN(TestWindowTextView)
#include "tst_windowtextview.moc"
