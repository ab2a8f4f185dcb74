#include "colourmetrics.h"
#include "labelcolour.h"
#include "schema.h"
#include "spancomparisonmodel.h"
#include "spanselections.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

// The pixel the text view paints: the translucent span background over the base, by Qt's own
// raster engine, as the highlighter's QTextCharFormat background is drawn.
QColor painted(const QColor &translucent, const QColor &base)
{
    QImage image(4, 4, QImage::Format_ARGB32_Premultiplied);
    image.fill(base);
    QPainter painter(&image);
    painter.fillRect(image.rect(), translucent);
    painter.end();
    return image.pixelColor(1, 1);
}

void addPalettes()
{
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("text");
    // Fusion's light palette, and the dark palettes of common desktops (the tests' own, KDE
    // Breeze Dark, GNOME Adwaita-dark).
    QTest::addRow("light") << QColor(0xff, 0xff, 0xff) << QColor(0x00, 0x00, 0x00);
    QTest::addRow("light grey") << QColor(0xf0, 0xf0, 0xf0) << QColor(0x00, 0x00, 0x00);
    QTest::addRow("dark") << QColor(0x1e, 0x1e, 0x1e) << QColor(0xee, 0xee, 0xee);
    QTest::addRow("breeze dark") << QColor(0x23, 0x26, 0x29) << QColor(0xfc, 0xfc, 0xfc);
    QTest::addRow("adwaita dark") << QColor(0x2d, 0x2d, 0x2d) << QColor(0xff, 0xff, 0xff);
}

} // namespace

class TestColourMetrics : public QObject
{
    Q_OBJECT

private slots:
    void ciede2000MatchesSharmasTestData_data();
    void ciede2000MatchesSharmasTestData();
    void ciede2000OfSRgbColours();
    void contrastRatioMatchesWcagReferences_data();
    void contrastRatioMatchesWcagReferences();
    void labelColoursDifferByTwentyAsSwatches();
    void labelBackgroundsDifferByTwentyAndKeepTextLegible_data();
    void labelBackgroundsDifferByTwentyAndKeepTextLegible();
    void compareMarksDifferFromFindingUnderlines_data();
    void compareMarksDifferFromFindingUnderlines();
};

void TestColourMetrics::ciede2000MatchesSharmasTestData_data()
{
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("difference");
    // Pairs of Sharma, Wu and Dalal (2005), table 1, by their number there: they exercise the
    // hue's wrap-around, the mean hue's cases, the rotation term and near-black colours.
    QTest::addRow("1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
    QTest::addRow("2") << 50.0 << 3.1571 << -77.2803 << 50.0 << 0.0 << -82.7485 << 2.8615;
    QTest::addRow("9") << 50.0 << 2.49 << -0.001 << 50.0 << -2.49 << 0.0009 << 7.1792;
    QTest::addRow("11") << 50.0 << 2.49 << -0.001 << 50.0 << -2.49 << 0.0011 << 7.2195;
    QTest::addRow("13") << 50.0 << -0.001 << 2.49 << 50.0 << 0.0009 << -2.49 << 4.8045;
    QTest::addRow("15") << 50.0 << -0.001 << 2.49 << 50.0 << 0.0011 << -2.49 << 4.7461;
    QTest::addRow("16") << 50.0 << 2.5 << 0.0 << 50.0 << 0.0 << -2.5 << 4.3065;
    QTest::addRow("17") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
    QTest::addRow("18") << 50.0 << 2.5 << 0.0 << 61.0 << -5.0 << 29.0 << 22.8977;
    QTest::addRow("19") << 50.0 << 2.5 << 0.0 << 56.0 << -27.0 << -3.0 << 31.9030;
    QTest::addRow("20") << 50.0 << 2.5 << 0.0 << 58.0 << 24.0 << 15.0 << 19.4535;
    QTest::addRow("24") << 50.0 << 2.5 << 0.0 << 50.0 << 3.2592 << 0.335 << 1.0000;
    QTest::addRow("25") << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387 << 1.2644;
    QTest::addRow("29") << 22.7233 << 20.0904 << -46.694 << 23.0331 << 14.973 << -42.5619 << 2.0373;
    QTest::addRow("31") << 90.8027 << -2.0831 << 1.441 << 91.1528 << -1.6435 << 0.0447 << 1.4441;
    QTest::addRow("34") << 2.0776 << 0.0795 << -1.135 << 0.9033 << -0.0636 << -0.5514 << 0.9082;
}

void TestColourMetrics::ciede2000MatchesSharmasTestData()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, difference);
    const ColourMetrics::Lab x{l1, a1, b1};
    const ColourMetrics::Lab y{l2, a2, b2};
    QVERIFY2(std::abs(ColourMetrics::ciede2000(x, y) - difference) < 5e-5,
             qPrintable(QString::number(ColourMetrics::ciede2000(x, y), 'f', 6)));
    // The formula is symmetric.
    QVERIFY(std::abs(ColourMetrics::ciede2000(y, x) - difference) < 5e-5);
}

void TestColourMetrics::ciede2000OfSRgbColours()
{
    // sRGB white is L* 100 and neutral, black L* 0.
    const ColourMetrics::Lab white = ColourMetrics::toLab(Qt::white);
    QVERIFY(std::abs(white.l - 100) < 1e-3 && std::abs(white.a) < 1e-3 && std::abs(white.b) < 1e-3);
    QVERIFY(std::abs(ColourMetrics::toLab(Qt::black).l) < 1e-9);
    // sRGB red is L* 53.24, a* 80.09, b* 67.20 (the usual D65 reference values).
    const ColourMetrics::Lab red = ColourMetrics::toLab(QColor(255, 0, 0));
    QVERIFY2(std::abs(red.l - 53.24) < 0.01 && std::abs(red.a - 80.09) < 0.01 && std::abs(red.b - 67.20) < 0.01,
             qPrintable(u"%1 %2 %3"_s.arg(red.l).arg(red.a).arg(red.b)));
    QCOMPARE(ColourMetrics::ciede2000(QColor(0x12, 0x34, 0x56), QColor(0x12, 0x34, 0x56)), 0.0);
    // Black to white: 100 in lightness, which CIEDE2000 keeps.
    QVERIFY(std::abs(ColourMetrics::ciede2000(QColor(Qt::black), QColor(Qt::white)) - 100) < 1e-3);
}

void TestColourMetrics::contrastRatioMatchesWcagReferences_data()
{
    QTest::addColumn<QColor>("x");
    QTest::addColumn<QColor>("y");
    QTest::addColumn<double>("ratio");
    // The extremes, and the values WCAG's own examples and contrast checkers give.
    QTest::addRow("black on white") << QColor(Qt::black) << QColor(Qt::white) << 21.0;
    QTest::addRow("same colour") << QColor(0x80, 0x40, 0x20) << QColor(0x80, 0x40, 0x20) << 1.0;
    QTest::addRow("#767676 on white passes AA") << QColor(0x76, 0x76, 0x76) << QColor(Qt::white) << 4.54;
    QTest::addRow("#777777 on white fails AA") << QColor(0x77, 0x77, 0x77) << QColor(Qt::white) << 4.48;
    QTest::addRow("red on white") << QColor(0xff, 0x00, 0x00) << QColor(Qt::white) << 4.00;
    QTest::addRow("blue on white") << QColor(0x00, 0x00, 0xff) << QColor(Qt::white) << 8.59;
    QTest::addRow("order does not matter") << QColor(Qt::white) << QColor(0x00, 0x00, 0xff) << 8.59;
}

void TestColourMetrics::contrastRatioMatchesWcagReferences()
{
    QFETCH(QColor, x);
    QFETCH(QColor, y);
    QFETCH(double, ratio);
    const double measured = ColourMetrics::contrastRatio(x, y);
    QVERIFY2(std::abs(measured - ratio) < 0.005, qPrintable(QString::number(measured, 'f', 4)));
}

void TestColourMetrics::labelColoursDifferByTwentyAsSwatches()
{
    // The legend's swatches, the menus' icons and the dashboard's bars show them opaque.
    const QList<LabelInfo> &labels = Schema::builtin().labels();
    QCOMPARE(labels.size(), 7);
    double least = 1000;
    for (qsizetype i = 0; i < labels.size(); ++i) {
        for (qsizetype j = i + 1; j < labels.size(); ++j) {
            const double difference = ColourMetrics::ciede2000(labelColour(labels[i]), labelColour(labels[j]));
            QVERIFY2(difference >= 20,
                     qPrintable(u"%1 and %2: %3"_s.arg(labels[i].name, labels[j].name).arg(difference, 0, 'f', 1)));
            least = std::min(least, difference);
        }
    }
    qInfo("least CIEDE2000 between two label swatches: %.1f", least);
}

void TestColourMetrics::labelBackgroundsDifferByTwentyAndKeepTextLegible_data()
{
    addPalettes();
}

void TestColourMetrics::labelBackgroundsDifferByTwentyAndKeepTextLegible()
{
    QFETCH(QColor, base);
    QFETCH(QColor, text);
    const QList<LabelInfo> &labels = Schema::builtin().labels();
    QList<QColor> shown;
    double leastContrast = 21;
    for (const LabelInfo &label : labels) {
        const QColor background = painted(SpanSelections::background(labelColour(label), base), base);
        const double contrast = ColourMetrics::contrastRatio(text, background);
        QVERIFY2(contrast >= 4.5,
                 qPrintable(u"%1 on %2: %3:1"_s.arg(text.name(), background.name()).arg(contrast, 0, 'f', 2)));
        leastContrast = std::min(leastContrast, contrast);
        shown.append(background);
    }
    double least = 1000;
    for (qsizetype i = 0; i < shown.size(); ++i) {
        for (qsizetype j = i + 1; j < shown.size(); ++j) {
            const double difference = ColourMetrics::ciede2000(shown[i], shown[j]);
            QVERIFY2(difference >= 20,
                     qPrintable(u"%1 (%2) and %3 (%4): %5"_s
                                    .arg(labels[i].name, shown[i].name(), labels[j].name, shown[j].name())
                                    .arg(difference, 0, 'f', 1)));
            least = std::min(least, difference);
        }
    }
    qInfo("%s: least CIEDE2000 between two span backgrounds %.1f, least text contrast %.2f:1", QTest::currentDataTag(),
          least, leastContrast);
}

void TestColourMetrics::compareMarksDifferFromFindingUnderlines_data()
{
    addPalettes();
}

void TestColourMetrics::compareMarksDifferFromFindingUnderlines()
{
    QFETCH(QColor, base);
    const QList<SpanComparison::Side> sides{SpanComparison::Side::OnlyA, SpanComparison::Side::OnlyB,
                                            SpanComparison::Side::Both};
    double least = 1000;
    for (qsizetype i = 0; i < sides.size(); ++i) {
        const QColor mark = SpanComparisonModel::sideColour(sides[i]);
        // A thin line on the base: WCAG's 3:1 for graphics.
        QVERIFY2(ColourMetrics::contrastRatio(mark, base) >= 3, qPrintable(mark.name()));
        for (Severity severity : {Severity::Info, Severity::Warning, Severity::Error}) {
            const QColor underline = SpanSelections::findingUnderline(severity, base);
            const double difference = ColourMetrics::ciede2000(mark, underline);
            QVERIFY2(difference >= 20,
                     qPrintable(u"%1 and %2: %3"_s.arg(mark.name(), underline.name()).arg(difference, 0, 'f', 1)));
            least = std::min(least, difference);
        }
        for (qsizetype j = i + 1; j < sides.size(); ++j) {
            QVERIFY(ColourMetrics::ciede2000(mark, SpanComparisonModel::sideColour(sides[j])) >= 20);
        }
    }
    qInfo("%s: least CIEDE2000 between a comparison mark and a finding underline %.1f", QTest::currentDataTag(), least);
}

QTEST_MAIN(TestColourMetrics)
#include "tst_colourmetrics.moc"
