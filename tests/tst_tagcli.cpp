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

// An emoji (two UTF-16 units, one code point) before the first hit; a tagged mention; one inside
// a hardware span; X-7B-Instruct, which holds no whole-word X-7B.
const QByteArray batchLines = "{\"id\": \"a\", \"text\": \"\xF0\x9F\x98\x80 NeuroFlex-7B beats NeuroFlex-7B-Instruct; "
                              "<model>NeuroFlex-7B</model> wins.\"}\n"
                              "{\"id\": \"b\", \"text\": \"<hardware>NeuroFlex-7B chips</hardware> and "
                              "neuroflex-7b\"}\n"
                              "{\"id\": \"c\", \"text\": \"Nothing here.\"}\n";

} // namespace

class TestTagCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_environment = annorev::test::isolatedEnvironment(*m_dir);
        m_batch = m_dir->filePath(u"batch.jsonl"_s);
        writeFile(m_batch, batchLines);
        // The store made first, so that a dry run is compared with a store that exists.
        QCOMPARE(run({u"status"_s, m_batch}).exitCode, 0);
        m_store = ReviewStore::defaultStorePath({m_batch});
    }
    void cleanup() { m_dir.reset(); }

    void printsEachHitThenASummary_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("literal, whole words, dry run")
            << QStringList{u"--match"_s, u"NeuroFlex-7B"_s, u"--whole-words"_s, u"--dry-run"_s}
            << QByteArray("a:2-14: NeuroFlex-7B\n"
                          "a:44-56: NeuroFlex-7B (skipped: already tagged)\n"
                          "b:0-12: NeuroFlex-7B (skipped: overlaps a span)\n"
                          "3 hits in 2 of 3 documents: would tag 1, 2 skipped (1 already tagged, 1 overlapping a "
                          "span); 1 document would change\n");
        QTest::addRow("ignoring case finds the lower-case mention")
            << QStringList{u"--match"_s, u"neuroflex-7b"_s, u"--whole-words"_s, u"--ignore-case"_s, u"--dry-run"_s}
            << QByteArray("a:2-14: NeuroFlex-7B\n"
                          "a:44-56: NeuroFlex-7B (skipped: already tagged)\n"
                          "b:0-12: NeuroFlex-7B (skipped: overlaps a span)\n"
                          "b:23-35: neuroflex-7b\n"
                          "4 hits in 2 of 3 documents: would tag 2, 2 skipped (1 already tagged, 1 overlapping a "
                          "span); 2 documents would change\n");
        QTest::addRow("not whole words: inside X-Instruct too")
            << QStringList{u"--match"_s, u"NeuroFlex-7B-"_s, u"--dry-run"_s}
            << QByteArray("a:21-34: NeuroFlex-7B-\n"
                          "1 hit in 1 of 3 documents: would tag 1, 0 skipped; 1 document would change\n");
        QTest::addRow("regex, one document")
            << QStringList{u"--regex"_s, u"Neuro\\w+-\\d+B-\\w+"_s, u"--dry-run"_s, u"--"_s, u"a"_s}
            << QByteArray("a:21-42: NeuroFlex-7B-Instruct\n"
                          "1 hit in 1 of 1 document: would tag 1, 0 skipped; 1 document would change\n");
        QTest::addRow("nothing found")
            << QStringList{u"--match"_s, u"GPT-5"_s, u"--dry-run"_s}
            << QByteArray("0 hits in 0 of 3 documents: would tag 0, 0 skipped; 0 documents would change\n");
    }
    void printsEachHitThenASummary()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, expected);
        QStringList arguments{u"tag"_s, u"--label"_s, u"model"_s};
        arguments += options;
        // The batch goes before the ids that follow "--".
        const qsizetype ids = arguments.indexOf(u"--"_s);
        if (ids >= 0) {
            arguments.insert(ids + 1, m_batch);
        } else {
            arguments.append(m_batch);
        }
        const Run tag = run(arguments);
        QCOMPARE(tag.err, QByteArray());
        QCOMPARE(tag.exitCode, 0);
        QCOMPARE(tag.out, expected);
        QCOMPARE(auditActions(), QStringList());
    }

    void dryRunWritesNothing()
    {
        const Run tag =
            run({u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s, u"NeuroFlex-7B"_s, u"--dry-run"_s, m_batch});
        QCOMPARE(tag.exitCode, 0);
        QCOMPARE(auditActions(), QStringList());
        QCOMPARE(taggedText(u"a"_s), QByteArray("\xF0\x9F\x98\x80 NeuroFlex-7B beats NeuroFlex-7B-Instruct; "
                                                "<model>NeuroFlex-7B</model> wins."));
    }

    void applyWritesOneAuditRowPerDocumentAndNotTheSource()
    {
        const Run tag = run({u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s, u"neuroflex-7b"_s, u"--ignore-case"_s,
                             u"--whole-words"_s, u"--reviewer"_s, u"ann"_s, m_batch});
        QCOMPARE(tag.err, QByteArray());
        QCOMPARE(tag.exitCode, 0);
        QVERIFY2(tag.out.endsWith("tagged 2, 2 skipped (1 already tagged, 1 overlapping a span); 2 documents "
                                  "changed\n"),
                 tag.out.constData());
        QCOMPARE(auditActions(), (QStringList{u"a edit ann"_s, u"b edit ann"_s}));
        QCOMPARE(taggedText(u"b"_s),
                 QByteArray("<hardware>NeuroFlex-7B chips</hardware> and <model>neuroflex-7b</model>"));
        QCOMPARE(readFile(m_batch), batchLines);
        // Again: everything is tagged now, nothing is written.
        const Run again = run({u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s, u"neuroflex-7b"_s, u"--ignore-case"_s,
                               u"--whole-words"_s, m_batch});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.endsWith("tagged 0, 4 skipped (3 already tagged, 1 overlapping a span); 0 documents "
                                    "changed\n"),
                 again.out.constData());
        QCOMPARE(auditActions().size(), 2);
    }

    void untagRemovesTheMatchingSpansOfTheLabel()
    {
        const Run untag = run({u"untag"_s, u"--label"_s, u"model"_s, u"--match"_s, u"NeuroFlex-7B"_s, m_batch});
        QCOMPARE(untag.err, QByteArray());
        QCOMPARE(untag.exitCode, 0);
        QCOMPARE(untag.out, QByteArray("a:44-56: NeuroFlex-7B\n"
                                       "1 hit in 1 of 3 documents: untagged 1, 0 skipped; 1 document changed\n"));
        QCOMPARE(taggedText(u"a"_s),
                 QByteArray("\xF0\x9F\x98\x80 NeuroFlex-7B beats NeuroFlex-7B-Instruct; NeuroFlex-7B wins."));
        // The hardware span does not match as a whole and is not a model span anyway.
        QCOMPARE(taggedText(u"b"_s), QByteArray("<hardware>NeuroFlex-7B chips</hardware> and neuroflex-7b"));
    }

    void relabelChangesTheMatchingSpansLabel()
    {
        const Run relabel = run({u"relabel"_s, u"--label"_s, u"hardware"_s, u"--to"_s, u"model"_s, u"--regex"_s,
                                 u"NeuroFlex.*chips"_s, m_batch});
        QCOMPARE(relabel.err, QByteArray());
        QCOMPARE(relabel.exitCode, 0);
        QCOMPARE(relabel.out, QByteArray("b:0-18: NeuroFlex-7B chips\n"
                                         "1 hit in 1 of 3 documents: relabelled 1, 0 skipped; 1 document changed\n"));
        QCOMPARE(taggedText(u"b"_s), QByteArray("<model>NeuroFlex-7B chips</model> and neuroflex-7b"));
    }

    void usageErrorsChangeNothing_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("error");
        QTest::addRow("bad regex") << QStringList{u"tag"_s, u"--label"_s, u"model"_s, u"--regex"_s, u"(A100"_s}
                                   << QByteArray("annorev: error: the regular expression \"(A100\" is not valid: ");
        QTest::addRow("no label") << QStringList{u"tag"_s, u"--match"_s, u"x"_s}
                                  << QByteArray("annorev: error: --label is required (model, ");
        QTest::addRow("unknown label") << QStringList{u"tag"_s, u"--label"_s, u"gpu"_s, u"--match"_s, u"x"_s}
                                       << QByteArray("annorev: error: --label is one of model, ");
        QTest::addRow("both match and regex")
            << QStringList{u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s, u"x"_s, u"--regex"_s, u"x"_s}
            << QByteArray("annorev: error: give one of --match TEXT or --regex RE");
        QTest::addRow("empty match") << QStringList{u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s, u""_s}
                                     << QByteArray("annorev: error: the text to look for is empty");
        QTest::addRow("bad status") << QStringList{u"tag"_s, u"--label"_s,  u"model"_s, u"--match"_s,
                                                   u"x"_s,   u"--status"_s, u"done"_s}
                                    << QByteArray("annorev: error: --status: unknown status \"done\"");
        QTest::addRow("relabel without --to")
            << QStringList{u"relabel"_s, u"--label"_s, u"model"_s, u"--match"_s, u"x"_s}
            << QByteArray("annorev: error: --to is required");
        QTest::addRow("unknown id") << QStringList{u"tag"_s, u"--label"_s, u"model"_s, u"--match"_s,
                                                   u"x"_s,   u"BATCH"_s,   u"zz"_s}
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
        const Run tag = run(arguments);
        QCOMPARE(tag.exitCode, 2);
        QVERIFY2(tag.err.startsWith(error), tag.err.constData());
        QCOMPARE(tag.out, QByteArray());
        QCOMPARE(auditActions(), QStringList());
    }

    void helpNamesEveryOption()
    {
        const Run help = run({u"tag"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--label", "--match", "--regex", "--whole-words", "--ignore-case", "--dry-run",
                                   "--status", "--store", "--reviewer"}) {
            QVERIFY2(help.out.contains(option), option);
        }
        QVERIFY(help.out.startsWith("Usage: annorev tag "));
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

QTEST_GUILESS_MAIN(TestTagCli)
#include "tst_tagcli.moc"
