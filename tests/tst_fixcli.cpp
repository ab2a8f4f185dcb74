#include "reviewstore.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using annorev::ReviewStore;
using annorev::test::readFile;
using annorev::test::writeFile;
using Run = annorev::test::CliRun;

namespace {

// a: a count embedded in a hardware span, and mojibake; b: two params that disagree (no fix a
// program can make); c: two spans that would both widen to NeuroFlex (ambiguous) and an embedded
// count (unambiguous); d: nothing to fix.
const QByteArray batchLines =
    "{\"id\": \"a\", \"text\": \"<model>A</model> on <hardware>512 A100 GPUs</hardware> "
    "\xC3\xA2\xE2\x82\xAC\xE2\x80\x9D "
    "fast.\"}\n"
    "{\"id\": \"b\", \"text\": \"<model>M</model> has <params>7.2 billion</params> or <params>6.7B</params>.\"}\n"
    "{\"id\": \"c\", \"text\": \"<model>Neuro</model><model>Flex</model> and <hardware>8x H100</hardware>\"}\n"
    "{\"id\": \"d\", \"text\": \"<model>D</model> on <gpu_count>4</gpu_count> <hardware>V100</hardware>.\"}\n";

} // namespace

class TestFixCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_environment = annorev::test::isolatedEnvironment(*m_dir);
        m_batch = m_dir->filePath(u"batch.jsonl"_s);
        writeFile(m_batch, batchLines);
        QCOMPARE(run({u"status"_s, m_batch}).exitCode, 0);
        m_store = ReviewStore::defaultStorePath({m_batch});
    }
    void cleanup() { m_dir.reset(); }

    void dryRunPrintsEachFindingItsChangeAndASummary_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("embedded counts in two documents")
            << QStringList{u"--rule"_s, u"hardware-count-embedded"_s}
            << QByteArray("a:5-18: Split into gpu_count 512 and hardware\n"
                          "  - <model>A</model> on <hardware>512 A100 GPUs</hardware> \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D"
                          " \xE2\x80\xA6\n"
                          "  + <model>A</model> on <gpu_count>512</gpu_count> <hardware>A100 GPUs</hardware> "
                          "\xC3\xA2\xE2\x82\xAC\xE2\x80\x9D \xE2\x80\xA6\n"
                          "c:14-21: Split into gpu_count 8 and hardware\n"
                          "  - \xE2\x80\xA6odel><model>Flex</model> and <hardware>8x H100</hardware>\n"
                          "  + \xE2\x80\xA6odel><model>Flex</model> and <gpu_count>8</gpu_count>x "
                          "<hardware>H100</hardware>\n"
                          "2 findings in 2 of 4 documents: would fix 2, 0 skipped; 2 documents would change\n");
        QTest::addRow("ambiguous fixes are listed with why")
            << QStringList{u"--rule"_s, u"span-boundary"_s}
            << QByteArray("c:0-5: Tag \"NeuroFlex\" instead (skipped: its fix touches the text the fix of the "
                          "finding at 5-9 changes)\n"
                          "c:5-9: Tag \"NeuroFlex\" instead (skipped: its fix touches the text the fix of the "
                          "finding at 0-5 changes)\n"
                          "2 findings in 1 of 4 documents: would fix 0, 2 skipped (2 whose fixes touch the same "
                          "text); 0 documents would change\n");
        QTest::addRow("a rule without fixes says what a reviewer does")
            << QStringList{u"--rule"_s, u"field-conflict"_s}
            << QByteArray("b:21-25: params of M: \"6.7B\" (6.7 \xC3\x97 10\xE2\x81\xB9) here, but \"7.2 billion\" "
                          "(7.2 \xC3\x97 10\xE2\x81\xB9) earlier (skipped: no fix without a reviewer: Keep the span "
                          "with the right value and untag or correct the other; move a span that belongs to another "
                          "model with record=\"N\".)\n"
                          "1 finding in 1 of 4 documents: would fix 0, 1 skipped (1 without a fix a program can "
                          "make); 0 documents would change\n");
        QTest::addRow("only the documents named")
            << QStringList{u"--rule"_s, u"hardware-count-embedded"_s, u"--"_s, u"c"_s, u"d"_s}
            << QByteArray("c:14-21: Split into gpu_count 8 and hardware\n"
                          "  - \xE2\x80\xA6odel><model>Flex</model> and <hardware>8x H100</hardware>\n"
                          "  + \xE2\x80\xA6odel><model>Flex</model> and <gpu_count>8</gpu_count>x "
                          "<hardware>H100</hardware>\n"
                          "1 finding in 1 of 2 documents: would fix 1, 0 skipped; 1 document would change\n");
        QTest::addRow("nothing approved to fix")
            << QStringList{u"--rule"_s, u"hardware-count-embedded"_s, u"--status"_s, u"approved"_s}
            << QByteArray("0 findings in 0 of 0 documents: would fix 0, 0 skipped; 0 documents would change\n");
    }
    void dryRunPrintsEachFindingItsChangeAndASummary()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, expected);
        QStringList arguments{u"fix"_s, u"--dry-run"_s};
        arguments += options;
        const qsizetype ids = arguments.indexOf(u"--"_s);
        if (ids >= 0) {
            arguments.insert(ids + 1, m_batch);
        } else {
            arguments.append(m_batch);
        }
        const Run fix = run(arguments);
        QCOMPARE(fix.err, QByteArray());
        QCOMPARE(fix.exitCode, 0);
        QCOMPARE(fix.out, expected);
        QCOMPARE(auditActions(), QStringList());
        QCOMPARE(taggedText(u"a"_s), QByteArray("<model>A</model> on <hardware>512 A100 GPUs</hardware> "
                                                "\xC3\xA2\xE2\x82\xAC\xE2\x80\x9D fast."));
    }

    void applyWritesOneAuditRowPerDocumentAndNotTheSource()
    {
        const Run fix = run({u"fix"_s, u"--rule"_s, u"hardware-count-embedded"_s, u"--reviewer"_s, u"ann"_s, m_batch});
        QCOMPARE(fix.err, QByteArray());
        QCOMPARE(fix.exitCode, 0);
        QVERIFY2(fix.out.endsWith("2 findings in 2 of 4 documents: fixed 2, 0 skipped; 2 documents changed\n"),
                 fix.out.constData());
        QCOMPARE(auditActions(), (QStringList{u"a edit ann"_s, u"c edit ann"_s}));
        QCOMPARE(taggedText(u"c"_s), QByteArray("<model>Neuro</model><model>Flex</model> and "
                                                "<gpu_count>8</gpu_count>x <hardware>H100</hardware>"));
        QCOMPARE(readFile(m_batch), batchLines);
        // Fixed: the rule finds nothing more to do.
        const Run again = run({u"fix"_s, u"--rule"_s, u"hardware-count-embedded"_s, m_batch});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("0 findings in 0 of 4 documents: fixed 0, 0 skipped; 0 documents changed\n"));
        QCOMPARE(auditActions().size(), 2);
    }

    // The mojibake fix replaces text: the tagged text keeps its tags and the rest of its bytes.
    void textReplacingFixKeepsTheTags()
    {
        const Run fix = run({u"fix"_s, u"--rule"_s, u"encoding-suspect"_s, m_batch});
        QCOMPARE(fix.exitCode, 0);
        QCOMPARE(taggedText(u"a"_s),
                 QByteArray("<model>A</model> on <hardware>512 A100 GPUs</hardware> \xE2\x80\x94 fast."));
    }

    void usageErrorsChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("error");
        QTest::addRow("no rule") << QStringList{u"fix"_s}
                                 << QByteArray("annorev: error: --rule is required (value-unparsed, ");
        QTest::addRow("unknown rule") << QStringList{u"fix"_s, u"--rule"_s, u"gpu-count"_s}
                                      << QByteArray("annorev: error: --rule is one of markup-malformed, ");
        QTest::addRow("bad status") << QStringList{u"fix"_s, u"--rule"_s, u"span-boundary"_s, u"--status"_s, u"done"_s}
                                    << QByteArray("annorev: error: --status: unknown status \"done\"");
        QTest::addRow("unknown id") << QStringList{u"fix"_s, u"--rule"_s, u"span-boundary"_s, u"BATCH"_s, u"zz"_s}
                                    << QByteArray("annorev: error: no document \"zz\" in the store ");
    }
    void usageErrorsChangeNothing()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, error);
        const qsizetype batch = arguments.indexOf(u"BATCH"_s);
        if (batch >= 0) {
            arguments[batch] = m_batch;
        } else {
            arguments.append(m_batch);
        }
        const Run fix = run(arguments);
        QCOMPARE(fix.exitCode, 2);
        QVERIFY2(fix.err.startsWith(error), fix.err.constData());
        QCOMPARE(fix.out, QByteArray());
        QCOMPARE(auditActions(), QStringList());
    }

    void helpNamesEveryOptionAndTheRulesWithFixes()
    {
        const Run help = run({u"fix"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith("Usage: annorev fix "));
        for (const char *option : {"--rule", "--dry-run", "--status", "--store", "--reviewer"}) {
            QVERIFY2(help.out.contains(option), option);
        }
        QVERIFY(help.out.contains("Rules with fixes: value-unparsed, gpu-count-duplicate, hardware-count-embedded, "
                                  "gpu-count-untagged, mention-untagged, span-boundary, encoding-suspect."));
    }

    void rulesSaysWhichRulesAreFixedInBulk()
    {
        const Run rules = run({u"rules"_s, u"span-boundary"_s, u"field-conflict"_s});
        QCOMPARE(rules.exitCode, 0);
        QVERIFY(rules.out.contains("  Fixed in bulk by: annorev fix --rule span-boundary\n"));
        QVERIFY(rules.out.contains("  Fixed in bulk: no, each finding needs a reviewer's choice\n"));
    }

private:
    Run run(const QStringList &arguments) const { return annorev::test::runAnnorev(arguments, m_environment); }

    // "id action reviewer" of every audit row after the import.
    QStringList auditActions() const { return annorev::test::auditRows(m_store); }
    QByteArray taggedText(const QString &id) const { return annorev::test::storedTaggedText(m_store, id); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_environment;
    QString m_batch;
    QString m_store;
};

QTEST_GUILESS_MAIN(TestFixCli)
#include "tst_fixcli.moc"
