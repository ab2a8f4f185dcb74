// `annorev suggest` and the suggestions `annorev stats` counts (issue 16).

#include "expectedsupport.h"
#include "reviewstore.h"
#include "schema.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using annorev::ReviewStore;
using annorev::SuggestionState;
using annorev::test::readFile;
using annorev::test::writeFile;
using Run = annorev::test::CliRun;

namespace {

// An emoji before "Acme" (code points 2-6, UTF-16 units 3-7) and "Canada" (32-38 and 33-39).
const QByteArray batchLines =
    "{\"id\": \"a\", \"text\": \"\xF0\x9F\x98\x80 Acme released <model>NeuroFlex-7B</model> in "
    "Canada.\"}\n"
    "{\"id\": \"b\", \"text\": \"Trained on 8 A100 GPUs.\"}\n";

// Three good spans in two documents, and on lines 2 to 4 an unknown id, a span past the end
// and a line that is not JSON.
const QByteArray predictions =
    "{\"id\": \"a\", \"spans\": [{\"start\": 2, \"end\": 6, \"label\": \"model\", \"score\": 0.4}, {\"start\": 32, "
    "\"end\": 38, \"label\": \"country\", \"score\": 0.9}]}\n"
    "{\"id\": \"zz\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"model\"}]}\n"
    "{\"id\": \"b\", \"spans\": [{\"start\": 11, \"end\": 12, \"label\": \"gpu_count\"}, {\"start\": 13, \"end\": 99, "
    "\"label\": \"hardware\"}]}\n"
    "{\"id\": \"b\", \"spans\": [\n";

} // namespace

class TestSuggestCli : public QObject
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
        m_predictions = m_dir->filePath(u"preds.jsonl"_s);
        writeFile(m_predictions, predictions);
    }
    void cleanup() { m_dir.reset(); }

    void printsEachProblemAsFileAndLineThenASummary()
    {
        const Run suggest = run({u"suggest"_s, u"--from"_s, m_predictions, u"--reviewer"_s, u"ann"_s, m_batch});
        const QByteArray file = m_predictions.toUtf8();
        QCOMPARE(suggest.err, file + ":2: no document \"zz\" in the store\n" + file +
                                  ":3: \"b\": span 2 \"hardware\" [13, 99): outside the text (23 code points)\n" +
                                  file +
                                  ":4: invalid JSON: The JSON document has an improper structure: missing or "
                                  "superfluous commas, braces, missing keys, etc.\n");
        QCOMPARE(suggest.out,
                 QByteArray("imported 3 suggestions for 2 documents; 2 skipped (1 of an unknown document, 1 "
                            "bad span); 1 line not read\n"));
        QCOMPARE(suggest.exitCode, 0);
        const std::unique_ptr<ReviewStore> store = annorev::test::openedStore(m_store);
        const QList<annorev::Suggestion> a = *store->suggestions(u"a"_s);
        QCOMPARE(a.size(), 2);
        QCOMPARE(a[0].start, 3);
        QCOMPARE(a[0].text, u"Acme"_s);
        QCOMPARE(a[0].source, u"preds.jsonl"_s);
        QCOMPARE(a[1].text, u"Canada"_s);
        QCOMPARE(store->suggestions(u"b"_s)->size(), 1);
        QCOMPARE(auditActions(), (QStringList{u"a suggest ann"_s, u"b suggest ann"_s}));
        // The text is not touched.
        QCOMPARE(store->document(u"a"_s)->taggedText,
                 QByteArray("\xF0\x9F\x98\x80 Acme released <model>NeuroFlex-7B</model> in Canada."));
    }

    void importingTheFileAgainSaysWhatItReplacedAndWhatWasDecided()
    {
        QCOMPARE(run({u"suggest"_s, u"--from"_s, m_predictions, m_batch}).exitCode, 0);
        {
            const std::unique_ptr<ReviewStore> store = annorev::test::openedStore(m_store);
            QVERIFY_OK(
                store->decideSuggestion(store->suggestions(u"a"_s)->at(0).id, SuggestionState::Accepted, u"ben"_s, annorev::Schema::builtin()));
        }
        const Run again = run({u"suggest"_s, u"--from"_s, m_predictions, m_batch});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out, QByteArray("imported 2 suggestions for 2 documents (replacing 2 pending from the last "
                                       "import of the file); 3 skipped (1 of an unknown document, 1 bad span, 1 "
                                       "decided before); 1 line not read\n"));
    }

    void aDryRunChecksAndWritesNothing()
    {
        const Run dry = run({u"suggest"_s, u"--from"_s, m_predictions, u"--dry-run"_s, m_batch});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.startsWith("would import 3 suggestions for 2 documents; 2 skipped"), dry.out.constData());
        QCOMPARE(auditActions(), QStringList());
        QVERIFY(annorev::test::openedStore(m_store)->suggestions(u"a"_s)->isEmpty());
    }

    void refusalsExitWithTwoAndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("error");
        QTest::addRow("no --from") << QStringList{} << QByteArray() << QByteArray("--from FILE is required");
        QTest::addRow("an unknown format") << QStringList{u"--format"_s, u"csv"_s} << predictions
                                           << QByteArray("--format is jsonl, doccano or label-studio, not \"csv\"");
        QTest::addRow("a file of another kind") << QStringList{} << QByteArray("id,start,end\n")
                                                << QByteArray("it is not a predictions file annorev reads");
        QTest::addRow("JSON Lines named doccano")
            << QStringList{u"--format"_s, u"doccano"_s} << predictions
            << QByteArray("it is not doccano JSONL: no line is an object with \"text\" and its spans");
        QTest::addRow("nothing importable")
            << QStringList{}
            << QByteArray("{\"id\": \"zz\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": "
                          "\"model\"}]}\n")
            << QByteArray("nothing in it could be imported; nothing was changed");
    }
    void refusalsExitWithTwoAndWriteNothing()
    {
        QFETCH(QStringList, options);
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, error);
        QStringList arguments{u"suggest"_s};
        if (!file.isEmpty()) {
            writeFile(m_predictions, file);
            arguments << u"--from"_s << m_predictions;
        }
        arguments << options << m_batch;
        const Run suggest = run(arguments);
        QCOMPARE(suggest.exitCode, 2);
        QVERIFY2(suggest.err.contains(error), suggest.err.constData());
        QCOMPARE(suggest.out, QByteArray());
        QCOMPARE(auditActions(), QStringList());
    }

    void anUnreadableFileIsAnError()
    {
        const QString missing = m_dir->filePath(u"missing.jsonl"_s);
        const Run suggest = run({u"suggest"_s, u"--from"_s, missing, m_batch});
        QCOMPARE(suggest.exitCode, 2);
        QVERIFY2(suggest.err.startsWith(QByteArray("annorev: error: " + missing.toUtf8() + ": cannot read: ")),
                 suggest.err.constData());
    }

    void statsCountsEachLabelsDecisionsAndPrecision()
    {
        QCOMPARE(run({u"suggest"_s, u"--from"_s, m_predictions, m_batch}).exitCode, 0);
        {
            const std::unique_ptr<ReviewStore> store = annorev::test::openedStore(m_store);
            const QList<annorev::Suggestion> a = *store->suggestions(u"a"_s);
            QVERIFY_OK(store->decideSuggestion(a[0].id, SuggestionState::Rejected, u"ben"_s, annorev::Schema::builtin())); // Acme, model
            QVERIFY_OK(store->decideSuggestion(a[1].id, SuggestionState::Accepted, u"ben"_s, annorev::Schema::builtin())); // Canada, country
        }
        const Run text = run({u"stats"_s, m_batch});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains("suggestions per label (accepted, rejected, pending, precision):\n"
                                   "  country         1       0       0  100.0%\n"
                                   "  gpu_count       0       0       1       \xE2\x80\x94\n"
                                   "  model           0       1       0    0.0%\n"),
                 text.out.constData());
        const Run json = run({u"stats"_s, u"--format"_s, u"json"_s, m_batch});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject suggestions = QJsonDocument::fromJson(json.out).object().value(u"suggestions"_s).toObject();
        QCOMPARE(suggestions.keys(), (QStringList{u"country"_s, u"gpu_count"_s, u"model"_s}));
        const QJsonObject country = suggestions.value(u"country"_s).toObject();
        QCOMPARE(country.value(u"accepted"_s).toInt(), 1);
        QCOMPARE(country.value(u"rejected"_s).toInt(), 0);
        QCOMPARE(country.value(u"pending"_s).toInt(), 0);
        QCOMPARE(country.value(u"precision"_s).toDouble(), 1.0);
        QVERIFY(suggestions.value(u"gpu_count"_s).toObject().value(u"precision"_s).isNull());
        QCOMPARE(suggestions.value(u"model"_s).toObject().value(u"precision"_s).toDouble(), 0.0);
    }

    void statsWithoutSuggestionsHasNoSuggestionsSection()
    {
        const Run text = run({u"stats"_s, m_batch});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(!text.out.contains("suggestions"));
    }

    void helpNamesEveryOption()
    {
        const Run help = run({u"suggest"_s, u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--from", "--format", "--dry-run", "--store", "--reviewer"}) {
            QVERIFY2(help.out.contains(option), option);
        }
    }

private:
    Run run(const QStringList &arguments) const { return annorev::test::runAnnorev(arguments, m_environment); }

    // "id action reviewer" of every audit row.
    QStringList auditActions() const
    {
        std::unique_ptr<ReviewStore> store = annorev::test::openedStore(m_store);
        QStringList rows;
        for (const ReviewStore::AuditEntry &entry : *store->auditLog()) {
            rows << entry.documentId + u' ' + entry.action + u' ' + entry.reviewer;
        }
        return rows;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_environment;
    QString m_batch;
    QString m_store;
    QString m_predictions;
};

QTEST_GUILESS_MAIN(TestSuggestCli)
#include "tst_suggestcli.moc"
