#include "adjudication.h"
#include "agreement.h"
#include "annotatoragreement.h"
#include "annotatedbatch.h"
#include "batchcomparison.h"
#include "generatedbatch.h"
#include "schema.h"
#include "testsupport.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <random>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

// `annorev compare` streams two batches (BatchComparison) instead of reading both whole. Whatever
// the order of B, ids on one side only, repeated ids, texts that differ and lines that cannot be
// read, it must give what Agreement::compare() gives over AnnotatedBatch::read() of each: the same
// result to the last digit of every kappa and the same errors in the same order.
class TestStreamedCompare : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void streamedComparisonEqualsTheWholeReadOne_data();
    void streamedComparisonEqualsTheWholeReadOne();
    void figuresAcrossBatchesEqualTheWholeReadOnes_data() { streamedComparisonEqualsTheWholeReadOne_data(); }
    void figuresAcrossBatchesEqualTheWholeReadOnes();

private:
    static QByteArray dump(const Agreement::Result &result);
    static QByteArray dump(const QList<InputError> &errors);

    QTemporaryDir m_dir;
    QByteArrayList m_lines; // a generated batch, one JSON line each
};

void TestStreamedCompare::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString batch = m_dir.filePath(u"generated.jsonl"_s);
    const QString generated = generateBatch(batch, 11, 2500);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    m_lines = readFile(batch).split('\n');
    m_lines.removeAll(QByteArray());
    QCOMPARE(m_lines.size(), 2500);
}

void TestStreamedCompare::streamedComparisonEqualsTheWholeReadOne_data()
{
    // B as bench-scale.sh makes it: every fifth document's first hardware span untagged, every
    // seventh's first model span relabelled.
    static const QRegularExpression hardware(u"<hardware>([^<]*)</hardware>"_s);
    QByteArrayList edited;
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        QString line = QString::fromUtf8(m_lines[i]);
        const QRegularExpressionMatch span = hardware.match(line);
        if ((i + 1) % 5 == 0 && span.hasMatch()) {
            line.replace(span.capturedStart(), span.capturedLength(), span.captured(1));
        }
        const qsizetype open = line.indexOf(u"<model>"_s);
        const qsizetype close = line.indexOf(u"</model>"_s);
        if ((i + 1) % 7 == 0 && open >= 0 && close > open) {
            line.replace(close, 8, u"</params>"_s);
            line.replace(open, 7, u"<params>"_s);
        }
        edited.append(line.toUtf8());
    }
    QByteArrayList shuffled = edited;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
    // Ids on one side only, a text that differs, repeated ids and a line that is no JSON.
    QByteArrayList uneven = shuffled.mid(100);
    uneven.removeIf([](const QByteArray &line) {
        return line.contains("\"id\":\"doc-000004\"") || line.contains("\"id\":\"doc-000011\"");
    });
    uneven.append(R"({"id": "only-in-b", "text": "<model>Solo</model> was trained in <year>2020</year>."})");
    uneven.append(QByteArray(m_lines[3]).replace("\"text\":\"", "\"text\":\"Changed. "));
    uneven.append(edited[10]);
    uneven.append("{not json");
    uneven.append(edited[10]);
    QByteArrayList a = m_lines;
    a.insert(50, m_lines[20]);
    a.insert(60, "{\"id\": 1.5e");
    a.append(R"({"id": "only-in-a", "text": "<hardware>TPU v4</hardware>"})");

    QTest::addColumn<QByteArrayList>("a");
    QTest::addColumn<QByteArrayList>("b");
    QTest::addRow("same order") << m_lines << edited;
    QTest::addRow("B shuffled") << m_lines << shuffled;
    QTest::addRow("ids on one side, repeated ids, texts that differ, broken lines") << a << uneven;
}

void TestStreamedCompare::streamedComparisonEqualsTheWholeReadOne()
{
    QFETCH(QByteArrayList, a);
    QFETCH(QByteArrayList, b);
    const QString pathA = m_dir.filePath(u"a.jsonl"_s);
    const QString pathB = m_dir.filePath(u"b.jsonl"_s);
    writeFile(pathA, a.join('\n') + '\n');
    writeFile(pathB, b.join('\n') + '\n');

    const AnnotatedBatch wholeA = AnnotatedBatch::read({pathA}, Schema::builtin(), OffsetUnit::CodePoint);
    const AnnotatedBatch wholeB = AnnotatedBatch::read({pathB}, Schema::builtin(), OffsetUnit::CodePoint);
    const Agreement::Result whole = Agreement::compare(wholeA.documents, wholeB.documents);
    const BatchComparison streamed = BatchComparison::run({pathA}, {pathB}, Schema::builtin(), OffsetUnit::CodePoint);

    QCOMPARE(dump(streamed.errorsA), dump(wholeA.errors));
    QCOMPARE(dump(streamed.errorsB), dump(wholeB.errors));
    QCOMPARE(dump(streamed.result), dump(whole));
    // compare of two batches takes the figures across them from the pair's tally: the same as
    // the pass over both batches that more batches take.
    const AnnotatorAgreement fromPair = AnnotatorAgreement::ofPair(streamed.result);
    const AnnotatorAgreement pass = AnnotatorAgreement::run({{pathA}, {pathB}}, Schema::builtin());
    QCOMPARE(fromPair.documents, pass.documents);
    QCOMPARE(fromPair.documentsInAll, pass.documentsInAll);
    QCOMPARE(fromPair.pairable, pass.pairable);
    QCOMPARE(fromPair.tokens.fleissUnits(), pass.tokens.fleissUnits());
    QCOMPARE(fromPair.tokens.pairableValues(), pass.tokens.pairableValues());
    QCOMPARE(fromPair.tokens.fleissKappa(), pass.tokens.fleissKappa());
    QCOMPARE(fromPair.tokens.krippendorffAlpha(), pass.tokens.krippendorffAlpha());
    QVERIFY(whole.compared > 2000);
    QVERIFY(whole.differing.size() > 500);
}

// AnnotatorAgreement streams N batches by id (NamesakeStream): A, B and B backwards give the
// figures of the same tally made over the three batches read whole, bit for bit, and the errors
// of reading each whole.
void TestStreamedCompare::figuresAcrossBatchesEqualTheWholeReadOnes()
{
    QFETCH(QByteArrayList, a);
    QFETCH(QByteArrayList, b);
    QByteArrayList c = b;
    std::reverse(c.begin(), c.end());
    QList<QStringList> paths;
    QList<AnnotatedBatch> wholes;
    for (const auto &[name, lines] : {std::pair{"a.jsonl", &a}, std::pair{"b.jsonl", &b}, std::pair{"c.jsonl", &c}}) {
        paths.append({m_dir.filePath(QString::fromLatin1(name))});
        writeFile(paths.last().constFirst(), lines->join('\n') + '\n');
        wholes.append(AnnotatedBatch::read(paths.last(), Schema::builtin(), OffsetUnit::CodePoint));
    }
    RaterReliability whole(3);
    QHash<QString, int> categories;
    QStringList ids;
    QList<QHash<QString, const AnnotatedText *>> byId(3);
    for (qsizetype k = 0; k < 3; ++k) {
        for (const AnnotatedText &doc : std::as_const(wholes[k].documents)) {
            byId[k].insert(doc.id, &doc);
            if (!ids.contains(doc.id)) {
                ids.append(doc.id);
            }
        }
    }
    for (const QString &id : std::as_const(ids)) {
        QList<const AnnotatedText *> versions;
        for (qsizetype k = 0; k < 3; ++k) {
            versions.append(byId[k].value(id));
        }
        const int common = Adjudication::commonText(versions);
        for (const AnnotatedText *&version : versions) {
            version = version && version->text == versions[common]->text ? version : nullptr;
        }
        QStringList labels;
        const RaterReliability document = Agreement::tokenReliability(versions, &labels);
        QList<int> map;
        for (const QString &label : std::as_const(labels)) {
            map.append(categories.contains(label) ? categories.value(label)
                                                  : *categories.insert(label, int(categories.size())));
        }
        whole.merge(document, map);
    }

    const AnnotatorAgreement streamed = AnnotatorAgreement::run(paths, Schema::builtin());
    for (qsizetype k = 0; k < 3; ++k) {
        QCOMPARE(dump(streamed.errors[k]), dump(wholes[k].errors));
    }
    QCOMPARE(streamed.documents, ids.size());
    QCOMPARE(streamed.tokens.fleissUnits(), whole.fleissUnits());
    QCOMPARE(streamed.tokens.pairableValues(), whole.pairableValues());
    QCOMPARE(streamed.tokens.fleissKappa(), whole.fleissKappa());
    QCOMPARE(streamed.tokens.krippendorffAlpha(), whole.krippendorffAlpha());
    QVERIFY(whole.fleissUnits() > 10000);
    QVERIFY(*whole.fleissKappa() > 0.5 && *whole.fleissKappa() < 1);
}

QByteArray TestStreamedCompare::dump(const QList<InputError> &errors)
{
    QByteArray out;
    for (const InputError &error : errors) {
        out += error.toString().toUtf8() + '\n';
    }
    return out;
}

QByteArray TestStreamedCompare::dump(const Agreement::Result &result)
{
    const auto number = [](const std::optional<double> &value) -> QByteArray {
        return value ? QByteArray::number(*value, 'g', 17) : QByteArray("none");
    };
    const auto counts = [](const Agreement::Counts &c) -> QByteArray {
        return QByteArray::number(c.aSpans) + ' ' + QByteArray::number(c.bSpans) + ' ' + QByteArray::number(c.exact) +
               ' ' + QByteArray::number(c.overlap);
    };
    const auto spans = [](const QList<AnnotatedText::Span> &list) -> QByteArray {
        QByteArray out;
        for (const AnnotatedText::Span &span : list) {
            out += ' ' + span.label.toUtf8() + ' ' + QByteArray::number(span.start) + '-' +
                   QByteArray::number(span.end) + " \"" + span.text.toUtf8() + '"';
        }
        return out;
    };
    QByteArray out = "compared " + QByteArray::number(result.compared) + " tokens " +
                     QByteArray::number(result.tokens) + "\nonly in A " + result.onlyInA.join(u' ').toUtf8() +
                     "\nonly in B " + result.onlyInB.join(u' ').toUtf8() + "\ntext differs " +
                     result.textDiffers.join(u' ').toUtf8() + "\noverall " + counts(result.overall) + " kappa " +
                     number(result.kappa) + '\n';
    for (const QString &label : result.labels) {
        out += label.toUtf8() + ' ' + counts(result.perLabel.value(label)) + " kappa " +
               number(result.labelKappa.value(label)) + '\n';
    }
    for (const Agreement::DocumentDiff &diff : result.differing) {
        out += diff.id.toUtf8() + ' ' + counts(diff.counts) + " A" + spans(diff.spansOnlyInA) + " B" +
               spans(diff.spansOnlyInB) + '\n';
    }
    return out;
}

QTEST_GUILESS_MAIN(TestStreamedCompare)
#include "tst_streamedcompare.moc"
