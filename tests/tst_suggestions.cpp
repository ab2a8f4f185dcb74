// Model suggestions (issue 16): the store's table and API, its migration from schema 9, and the
// import of the three predictions formats with offsets converted at the edge.

#include "checker.h"
#include "countryaliases.h"
#include "expectedsupport.h"
#include "reviewstore.h"
#include "schema.h"
#include "suggestionimport.h"
#include "testsupport.h"

#include <QHash>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::errorOf;

Q_DECLARE_METATYPE(annorev::SuggestionFormat)
Q_DECLARE_METATYPE(annorev::SuggestionState)
Q_DECLARE_METATYPE(annorev::SuggestionProblem::Kind)

namespace {

// An emoji before the spans: one code point, two UTF-16 units, so the two counts differ by one.
const QString plainA = u"\U0001F600 Acme released NeuroFlex-7B in Canada."_s;
const QByteArray batchLines =
    "{\"id\": \"a\", \"text\": \"\xF0\x9F\x98\x80 Acme released <model>NeuroFlex-7B</model> in "
    "Canada.\"}\n"
    "{\"id\": \"b\", \"text\": \"Trained on 8 A100 GPUs.\"}\n";

Suggestion suggestion(const QString &id, qsizetype start, qsizetype end, const QString &label,
                      std::optional<double> score = std::nullopt)
{
    Suggestion s;
    s.documentId = id;
    s.start = start;
    s.end = end;
    s.label = label;
    s.score = score;
    s.text = id == u"a" ? plainA.mid(start, end - start) : QString();
    return s;
}

// "ID START-END LABEL STATE" for each suggestion of a document.
QStringList described(const QList<Suggestion> &suggestions)
{
    QStringList lines;
    for (const Suggestion &s : suggestions) {
        lines.append(s.documentId % u' ' % QString::number(s.start) % u'-' % QString::number(s.end) % u' ' % s.label %
                     u' ' % suggestionStateName(s.state) % u' ' % s.source);
    }
    return lines;
}

SuggestionImport::PlainTexts textsOf(const QHash<QString, QString> &texts)
{
    return [texts](const QStringList &ids) -> Expected<QHash<QString, QString>> {
        QHash<QString, QString> found;
        for (const QString &id : ids) {
            if (texts.contains(id)) {
                found.insert(id, texts.value(id));
            }
        }
        return found;
    };
}

} // namespace

class TestSuggestions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup() { m_dir.reset(); }

    void addedSuggestionsAreKeptApartFromTheText();
    void importingASourceAgainReplacesItsPendingAndKeepsTheDecided();
    void aDecisionIsRecordedWithWhoAndWhenAndAnAuditRow_data();
    void aDecisionIsRecordedWithWhoAndWhenAndAnAuditRow();
    void decisionsThatCannotBeMadeAreRefused();
    void anUnknownDocumentRefusesTheWholeImport();
    void countsArePerLabelAndState();
    void theDisagreementIsCountedAgainWithEveryChangeToSuggestionsOrSpans();
    void theIndexReadsEachDocumentsDisagreement();
    void aSchema9StoreOpensKeepsEverythingAndGainsTheTables();
    void aSchema10StoresSuggestionsAreCountedWhenImportedAgain();

    void theFormatIsRecognisedFromTheContent_data();
    void theFormatIsRecognisedFromTheContent();
    void offsetsAreConvertedToUtf16AtTheEdge_data();
    void offsetsAreConvertedToUtf16AtTheEdge();
    void eachBadSpanIsReportedWithItsLineAndTheRestIsRead_data();
    void eachBadSpanIsReportedWithItsLineAndTheRestIsRead();
    void aFileThatIsNotTheFormatIsAnError_data();
    void aFileThatIsNotTheFormatIsAnError();
    void textsAreAskedForABlockOfDocumentsAtATime();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestSuggestions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_batch = m_dir->filePath(u"batch.jsonl"_s);
    test::writeFile(m_batch, batchLines);
    m_store = test::syncedStore(m_batch, m_checker);
    QVERIFY(m_store);
}

void TestSuggestions::addedSuggestionsAreKeptApartFromTheText()
{
    const QByteArray tagged = m_store->document(u"a"_s)->taggedText;
    const Expected<ReviewStore::SuggestionsAdded> added =
        m_store->addSuggestions({suggestion(u"a"_s, 33, 39, u"country"_s, 0.75), suggestion(u"a"_s, 3, 7, u"model"_s)},
                                u"p.jsonl"_s, u"ann"_s, Schema::builtin());
    QVERIFY_OK(added);
    QCOMPARE(added->added, 2);
    QCOMPARE(added->documents, 1);
    const QList<Suggestion> stored = *m_store->suggestions(u"a"_s);
    QCOMPARE(described(stored), (QStringList{u"a 3-7 model pending p.jsonl"_s, u"a 33-39 country pending p.jsonl"_s}));
    QCOMPARE(stored[0].text, u"Acme"_s);
    QCOMPARE(stored[0].score, std::nullopt);
    QCOMPARE(stored[1].score, std::optional<double>(0.75));
    QVERIFY(!stored[1].decidedAt.isValid());
    QVERIFY(m_store->suggestions(u"b"_s)->isEmpty());
    // The annotations are not touched: the text is as it was, and so is its status.
    QCOMPARE(m_store->document(u"a"_s)->taggedText, tagged);
    const QList<ReviewStore::AuditEntry> audit = *m_store->auditLog();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit[0].action, u"suggest"_s);
    QCOMPARE(audit[0].documentId, u"a"_s);
    QCOMPARE(audit[0].reviewer, u"ann"_s);
    QCOMPARE(audit[0].note, u"2 suggestions from p.jsonl"_s);
}

void TestSuggestions::importingASourceAgainReplacesItsPendingAndKeepsTheDecided()
{
    QVERIFY_OK(m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s), suggestion(u"a"_s, 33, 39, u"country"_s),
                                        suggestion(u"b"_s, 11, 12, u"gpu_count"_s)},
                                       u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    QVERIFY_OK(m_store->addSuggestions({suggestion(u"a"_s, 17, 29, u"model"_s)}, u"other.jsonl"_s, u"ann"_s,
                                       Schema::builtin()));
    const qint64 acme = m_store->suggestions(u"a"_s)->at(0).id;
    QVERIFY_OK(m_store->decideSuggestion(acme, SuggestionState::Rejected, u"ben"_s, Schema::builtin()));

    // The model's next run: Acme again (decided, so not asked again), Canada again, nothing for b.
    const Expected<ReviewStore::SuggestionsAdded> again =
        m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s), suggestion(u"a"_s, 33, 39, u"country"_s, 0.5)},
                                u"p.jsonl"_s, u"ann"_s, Schema::builtin());
    QVERIFY_OK(again);
    QCOMPARE(again->added, 1);
    QCOMPARE(again->alreadyDecided, 1);
    QCOMPARE(again->replaced, 2);
    QCOMPARE(again->documents, 2);
    QCOMPARE(described(*m_store->suggestions(u"a"_s)),
             (QStringList{u"a 3-7 model rejected p.jsonl"_s, u"a 17-29 model pending other.jsonl"_s,
                          u"a 33-39 country pending p.jsonl"_s}));
    QCOMPARE(m_store->suggestions(u"a"_s)->at(2).score, std::optional<double>(0.5));
    QVERIFY(m_store->suggestions(u"b"_s)->isEmpty());
    const QList<ReviewStore::AuditEntry> audit = *m_store->auditLog(u"b"_s);
    QCOMPARE(audit.constLast().action, u"suggest"_s);
    QCOMPARE(audit.constLast().note, u"0 suggestions from p.jsonl, replacing 1 pending"_s);
}

void TestSuggestions::aDecisionIsRecordedWithWhoAndWhenAndAnAuditRow_data()
{
    QTest::addColumn<SuggestionState>("decision");
    QTest::addColumn<QString>("action");
    QTest::addRow("accepted") << SuggestionState::Accepted << u"suggestion-accepted"_s;
    QTest::addRow("rejected") << SuggestionState::Rejected << u"suggestion-rejected"_s;
}

void TestSuggestions::aDecisionIsRecordedWithWhoAndWhenAndAnAuditRow()
{
    QFETCH(SuggestionState, decision);
    QFETCH(QString, action);
    QVERIFY_OK(
        m_store->addSuggestions({suggestion(u"a"_s, 33, 39, u"country"_s)}, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    const qint64 version = *m_store->version(u"a"_s);
    const Suggestion pending = m_store->suggestions(u"a"_s)->constFirst();
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    QVERIFY_OK(m_store->decideSuggestion(pending.id, decision, u"ben"_s, Schema::builtin()));
    const Suggestion decided = m_store->suggestions(u"a"_s)->constFirst();
    QCOMPARE(decided.state, decision);
    QCOMPARE(decided.decidedBy, u"ben"_s);
    QVERIFY(decided.decidedAt >= before);
    QCOMPARE(decided.decidedAt.timeSpec(), Qt::UTC);
    const ReviewStore::AuditEntry last = m_store->auditLog(u"a"_s)->constLast();
    QCOMPARE(last.action, action);
    QCOMPARE(last.reviewer, u"ben"_s);
    QCOMPARE(last.note, u"country \"Canada\" (suggestion %1 from p.jsonl)"_s.arg(pending.id));
    // A decision is a change of the document other windows hear of.
    QVERIFY(*m_store->version(u"a"_s) > version);
}

void TestSuggestions::decisionsThatCannotBeMadeAreRefused()
{
    QVERIFY_OK(
        m_store->addSuggestions({suggestion(u"a"_s, 33, 39, u"country"_s)}, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    const qint64 id = m_store->suggestions(u"a"_s)->constFirst().id;
    QCOMPARE(errorOf(m_store->decideSuggestion(id, SuggestionState::Pending, u"ben"_s, Schema::builtin())),
             u"a suggestion is accepted or rejected; it cannot be made pending again"_s);
    QCOMPARE(errorOf(m_store->decideSuggestion(id + 100, SuggestionState::Accepted, u"ben"_s, Schema::builtin())),
             u"no suggestion %1 in the store %2"_s.arg(id + 100).arg(m_store->path()));
    QVERIFY_OK(m_store->decideSuggestion(id, SuggestionState::Accepted, u"ben"_s, Schema::builtin()));
    QCOMPARE(errorOf(m_store->decideSuggestion(id, SuggestionState::Rejected, u"cleo"_s, Schema::builtin())),
             u"the suggestion %1 of \"a\" was accepted by ben already; a decision is not changed"_s.arg(id));
    QCOMPARE(m_store->suggestions(u"a"_s)->constFirst().state, SuggestionState::Accepted);
}

void TestSuggestions::anUnknownDocumentRefusesTheWholeImport()
{
    QCOMPARE(errorOf(m_store->addSuggestions(
                 {suggestion(u"a"_s, 33, 39, u"country"_s), suggestion(u"zz"_s, 0, 1, u"model"_s)}, u"p.jsonl"_s,
                 u"ann"_s, Schema::builtin())),
             u"no document \"zz\" in the store %1; nothing was imported"_s.arg(m_store->path()));
    QVERIFY(m_store->suggestions(u"a"_s)->isEmpty());
    QVERIFY(m_store->auditLog()->isEmpty());
    QCOMPARE(errorOf(m_store->suggestions(u"zz"_s)), u"no document \"zz\" in the store %1"_s.arg(m_store->path()));
}

void TestSuggestions::theDisagreementIsCountedAgainWithEveryChangeToSuggestionsOrSpans()
{
    const auto disagreement = [this] {
        const Expected<QHash<QString, int>> counts = m_store->disagreements({u"a"_s, u"b"_s});
        return counts ? *counts : QHash<QString, int>{{u"error"_s, -2}};
    };
    QCOMPARE(disagreement(), (QHash<QString, int>{}));
    // Acme and Canada are not tagged; NeuroFlex-7B is, as the model says.
    QVERIFY_OK(m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s), suggestion(u"a"_s, 33, 39, u"country"_s),
                                        suggestion(u"a"_s, 17, 29, u"model"_s)},
                                       u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    QCOMPARE(disagreement(), (QHash<QString, int>{{u"a"_s, 2}}));
    QCOMPARE(*m_store->mostDisagreeing(10), (QList<ReviewStore::Disagreement>{{u"a"_s, 2}}));

    // A decision: Acme rejected.
    const QList<Suggestion> a = *m_store->suggestions(u"a"_s);
    QCOMPARE(a[0].label, u"model"_s);
    QCOMPARE(a[0].start, 3);
    QVERIFY_OK(m_store->decideSuggestion(a[0].id, SuggestionState::Rejected, u"ben"_s, Schema::builtin()));
    QCOMPARE(disagreement(), (QHash<QString, int>{{u"a"_s, 1}}));

    // An edit: Canada tagged as the model said.
    const QByteArray tagged =
        "\xF0\x9F\x98\x80 Acme released <model>NeuroFlex-7B</model> in <country>Canada</country>.";
    QVERIFY_OK(m_store->setTaggedText(u"a"_s, tagged, Schema::builtin(), m_checker, u"ben"_s));
    QCOMPARE(disagreement(), (QHash<QString, int>{{u"a"_s, 0}}));
    QVERIFY(m_store->mostDisagreeing(10)->isEmpty());

    // Another: NeuroFlex-7B untagged, and Acme tagged though the model's Acme was rejected.
    const QByteArray retagged =
        "\xF0\x9F\x98\x80 <model>Acme</model> released NeuroFlex-7B in <country>Canada</country>.";
    QVERIFY_OK(m_store->setTaggedText(u"a"_s, retagged, Schema::builtin(), m_checker, u"ben"_s));
    QCOMPARE(disagreement(), (QHash<QString, int>{{u"a"_s, 2}}));

    // A bulk write counts too.
    const ReviewStore::TextWrite back{u"a"_s, retagged, tagged, TextFacts::of(tagged, Schema::builtin(), m_checker)};
    QVERIFY_OK(m_store->setTaggedTexts({back}, u"ben"_s));
    QCOMPARE(disagreement(), (QHash<QString, int>{{u"a"_s, 0}}));
}

void TestSuggestions::theIndexReadsEachDocumentsDisagreement()
{
    QVERIFY_OK(
        m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s)}, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    QHash<QString, qint32> read;
    QVERIFY_OK(m_store->readIndex({}, 10, [&read](DocumentIndexPage page) {
        for (qsizetype row = 0; row < page.size(); ++row) {
            read.insert(QString::fromUtf8(page.id(row)), page.rows[std::size_t(row)].disagreement);
        }
        return true;
    }));
    // Acme is not tagged, and the model suggested no NeuroFlex-7B though it suggested a model; b
    // has no suggestions: -1, which the list shows as nothing.
    QCOMPARE(read, (QHash<QString, qint32>{{u"a"_s, 2}, {u"b"_s, -1}}));
}

void TestSuggestions::countsArePerLabelAndState()
{
    QVERIFY_OK(
        m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s), suggestion(u"a"_s, 17, 29, u"model"_s),
                                 suggestion(u"a"_s, 33, 39, u"country"_s), suggestion(u"b"_s, 11, 12, u"gpu_count"_s)},
                                u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    const QList<Suggestion> a = *m_store->suggestions(u"a"_s);
    QVERIFY_OK(m_store->decideSuggestion(a[0].id, SuggestionState::Rejected, u"ben"_s, Schema::builtin()));
    QVERIFY_OK(m_store->decideSuggestion(a[1].id, SuggestionState::Accepted, u"ben"_s, Schema::builtin()));
    QVERIFY_OK(m_store->decideSuggestion(a[2].id, SuggestionState::Accepted, u"ben"_s, Schema::builtin()));
    const QList<SuggestionCounts> counts = *m_store->suggestionCounts();
    QCOMPARE(counts.size(), 3);
    QCOMPARE(counts[0].label, u"country"_s);
    QCOMPARE(counts[0].accepted, 1);
    QCOMPARE(counts[0].precision(), std::optional<double>(1.0));
    QCOMPARE(counts[1].label, u"gpu_count"_s);
    QCOMPARE(counts[1].pending, 1);
    QCOMPARE(counts[1].precision(), std::nullopt);
    QCOMPARE(counts[2].label, u"model"_s);
    QCOMPARE(counts[2].accepted, 1);
    QCOMPARE(counts[2].rejected, 1);
    QCOMPARE(counts[2].precision(), std::optional<double>(0.5));
}

void TestSuggestions::aSchema10StoresSuggestionsAreCountedWhenImportedAgain()
{
    const QList<Suggestion> file{suggestion(u"a"_s, 3, 7, u"model"_s)};
    QVERIFY_OK(m_store->addSuggestions(file, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    const QString path = m_store->path();
    m_store.reset();
    {
        // As annorev with schema 10 left it: suggestions, no counts.
        test::SqlFile raw(path);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"DROP TABLE disagreements"_s));
        QVERIFY(q.exec(u"DROP TABLE inexact_words"_s));
        QVERIFY(q.exec(u"DROP TABLE unindexed_words"_s));
        QVERIFY(q.exec(u"UPDATE meta SET value = '10' WHERE key = 'schema_version'"_s));
    }
    m_store = test::openedStore(path);
    QVERIFY(m_store);
    QCOMPARE(m_store->suggestions(u"a"_s)->size(), 1);
    // Nothing to count them with until the batch's schema comes with an import.
    QCOMPARE(*m_store->disagreements({u"a"_s}), (QHash<QString, int>{}));
    QVERIFY_OK(m_store->addSuggestions(file, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    QCOMPARE(*m_store->disagreements({u"a"_s}), (QHash<QString, int>{{u"a"_s, 2}}));
}

void TestSuggestions::aSchema9StoreOpensKeepsEverythingAndGainsTheTables()
{
    QVERIFY_OK(m_store->setStatus({u"b"_s}, ReviewStatus::Rejected, u"wrong count"_s, u"ann"_s));
    const QString path = m_store->path();
    m_store.reset();
    {
        // As annorev with schema 9 left it: no suggestions table.
        test::SqlFile raw(path);
        QSqlQuery q = raw.query();
        QVERIFY(q.exec(u"DROP TABLE suggestions"_s));
        QVERIFY(q.exec(u"DROP TABLE disagreements"_s));
        QVERIFY(q.exec(u"DROP TABLE inexact_words"_s));
        QVERIFY(q.exec(u"DROP TABLE unindexed_words"_s));
        QVERIFY(q.exec(u"UPDATE meta SET value = '9' WHERE key = 'schema_version'"_s));
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE name = 'suggestions'"_s).toInt(), 0);
    }
    m_store = test::openedStore(path);
    QVERIFY(m_store);
    {
        test::SqlFile raw(path);
        QCOMPARE(raw.value(u"SELECT value FROM meta WHERE key = 'schema_version'"_s).toString(),
                 QString::number(ReviewStore::schemaVersion));
        QCOMPARE(raw.value(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN"
                           " ('suggestions', 'disagreements')"_s)
                     .toInt(),
                 2);
    }
    QCOMPARE(*m_store->ids(), (QStringList{u"a"_s, u"b"_s}));
    QCOMPARE(m_store->document(u"b"_s)->status, ReviewStatus::Rejected);
    QCOMPARE(m_store->document(u"b"_s)->note, u"wrong count"_s);
    QCOMPARE(m_store->document(u"a"_s)->taggedText,
             QByteArray("\xF0\x9F\x98\x80 Acme released <model>NeuroFlex-7B</model> in Canada."));
    QCOMPARE(m_store->auditLog()->size(), 1);
    QCOMPARE(m_store->summary()->byStatus[std::size_t(ReviewStatus::Rejected)], 1);
    QVERIFY_OK(
        m_store->addSuggestions({suggestion(u"a"_s, 3, 7, u"model"_s)}, u"p.jsonl"_s, u"ann"_s, Schema::builtin()));
    QCOMPARE(m_store->suggestions(u"a"_s)->size(), 1);
}

void TestSuggestions::theFormatIsRecognisedFromTheContent_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SuggestionFormat>("format");
    QTest::addRow("json lines") << QByteArray("{\"id\": \"a\", \"spans\": []}\n") << SuggestionFormat::JsonLines;
    QTest::addRow("json lines after a broken line")
        << QByteArray("{oops\n{\"id\": \"a\", \"spans\": []}\n") << SuggestionFormat::JsonLines;
    QTest::addRow("doccano entities") << QByteArray("{\"id\": 1, \"text\": \"x\", \"entities\": []}\n")
                                      << SuggestionFormat::Doccano;
    QTest::addRow("doccano label triples")
        << QByteArray("{\"id\": 1, \"text\": \"x\", \"label\": [[0, 1, \"model\"]]}\n") << SuggestionFormat::Doccano;
    QTest::addRow("label studio") << QByteArray("\xef\xbb\xbf [{\"data\": {\"text\": \"x\"}}]")
                                  << SuggestionFormat::LabelStudio;
}

void TestSuggestions::theFormatIsRecognisedFromTheContent()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SuggestionFormat, format);
    const Expected<SuggestionFormat> detected = SuggestionImport::detect(bytes);
    QVERIFY_OK(detected);
    QCOMPARE(*detected, format);
}

void TestSuggestions::offsetsAreConvertedToUtf16AtTheEdge_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SuggestionFormat>("format");
    // "Canada" is code points 32-38 and UTF-16 units 33-39 of plainA.
    QTest::addRow("json lines: code points")
        << QByteArray("{\"id\": \"a\", \"spans\": [{\"start\": 32, \"end\": 38, \"label\": \"country\", \"score\": "
                      "0.9, \"text\": \"Canada\"}]}\n")
        << SuggestionFormat::JsonLines;
    QTest::addRow("doccano: UTF-16 units")
        << (QByteArray("{\"id\": \"a\", \"text\": \"") + plainA.toUtf8() +
            "\", \"entities\": [{\"start_offset\": 33, \"end_offset\": 39, \"label\": \"country\"}]}\n")
        << SuggestionFormat::Doccano;
    QTest::addRow("label studio: code points")
        << (QByteArray("[{\"data\": {\"id\": \"a\", \"text\": \"") + plainA.toUtf8() +
            "\"}, \"predictions\": [{\"score\": 0.9, \"result\": [{\"type\": \"labels\", \"value\": {\"start\": 32, "
            "\"end\": 38, \"text\": \"Canada\", \"labels\": [\"country\"]}}]}]}]")
        << SuggestionFormat::LabelStudio;
}

void TestSuggestions::offsetsAreConvertedToUtf16AtTheEdge()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SuggestionFormat, format);
    const Expected<SuggestionFileContents> contents =
        SuggestionImport::read(bytes, std::nullopt, Schema::builtin(), textsOf({{u"a"_s, plainA}}));
    QVERIFY_OK(contents);
    QCOMPARE(contents->format, format);
    QCOMPARE(contents->problems.size(), 0);
    QCOMPARE(contents->suggestions.size(), 1);
    const Suggestion &s = contents->suggestions[0];
    QCOMPARE(s.documentId, u"a"_s);
    QCOMPARE(s.start, 33);
    QCOMPARE(s.end, 39);
    QCOMPARE(s.text, u"Canada"_s);
    QCOMPARE(s.label, u"country"_s);
    QCOMPARE(s.score, format == SuggestionFormat::Doccano ? std::nullopt : std::optional<double>(0.9));
}

void TestSuggestions::eachBadSpanIsReportedWithItsLineAndTheRestIsRead_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<SuggestionProblem::Kind>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    // Every file also holds "Acme" (code points 2-6; UTF-16 units 3-7) on its own line 1, which is imported.
    const QByteArray good = "{\"id\": \"a\", \"spans\": [{\"start\": 2, \"end\": 6, \"label\": \"model\"}]}\n";
    const auto jsonl = [&good](const char *line) -> QByteArray {
        return good + "\n" + QByteArray(line) + '\n';
    };
    QTest::addRow("outside the text")
        << jsonl("{\"id\": \"a\", \"spans\": [{\"start\": 30, \"end\": 40, \"label\": \"country\"}]}")
        << SuggestionProblem::BadSpan << 3
        << u"\"a\": span 1 \"country\" [30, 40): outside the text (39 code points)"_s;
    QTest::addRow("empty") << jsonl("{\"id\": \"a\", \"spans\": [{\"start\": 5, \"end\": 5, \"label\": \"model\"}]}")
                           << SuggestionProblem::BadSpan << 3 << u"\"a\": span 1 \"model\" [5, 5): empty or reversed"_s;
    QTest::addRow("a label outside the schema")
        << jsonl("{\"id\": \"a\", \"spans\": [{\"start\": 2, \"end\": 6, \"label\": \"ORG\"}]}")
        << SuggestionProblem::BadSpan << 3 << u"\"a\": span 1 \"ORG\" [2, 6): the label is not one of the schema's"_s;
    QTest::addRow("a text that differs")
        << jsonl("{\"id\": \"a\", \"spans\": [{\"start\": 3, \"end\": 7, \"label\": \"model\", \"text\": \"Acme\"}]}")
        << SuggestionProblem::BadSpan << 3
        << u"\"a\": span 1 \"model\" [3, 7): its text \"Acme\" differs from the text at its offsets \"cme \""_s;
    QTest::addRow("a score that is not a number")
        << jsonl("{\"id\": \"a\", \"spans\": [{\"start\": 2, \"end\": 6, \"label\": \"model\", \"score\": \"high\"}]}")
        << SuggestionProblem::BadSpan << 3 << u"\"a\": span 1: \"score\" is not a number"_s;
    QTest::addRow("an unknown id")
        << jsonl("{\"id\": \"zz\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"model\"}]}")
        << SuggestionProblem::UnknownDocument << 3 << u"no document \"zz\" in the store"_s;
    QTest::addRow("a line that is not JSON")
        << jsonl("{\"id\": \"a\", \"spans\": [") << SuggestionProblem::Unreadable << 3
        << u"invalid JSON: The JSON document has an improper structure: "
           "missing or superfluous commas, braces, missing keys, etc."_s;
    QTest::addRow("doccano: an offset inside the emoji")
        << (QByteArray("{\"id\": \"a\", \"text\": \"") + plainA.toUtf8() +
            "\", \"label\": [[3, 7, \"model\"], [1, 7, \"model\"]]}\n")
        << SuggestionProblem::BadSpan << 1
        << u"\"a\": span 2 \"model\" [1, 7): splits a character outside the Basic Multilingual Plane in two (offsets "
           "in UTF-16 units)"_s;
    QTest::addRow("doccano: a text that is not the reviewer's")
        << (QByteArray("{\"id\": \"a\", \"text\": \"") + plainA.toUtf8() + "\", \"label\": [[3, 7, \"model\"]]}\n" +
            "{\"id\": \"a\", \"text\": \"Another text\", \"label\": [[0, 7, \"model\"]]}\n")
        << SuggestionProblem::TextDiffers << 2
        << u"\"a\": the text differs from the reviewer's text of the document, so the offsets cannot be trusted"_s;
}

void TestSuggestions::eachBadSpanIsReportedWithItsLineAndTheRestIsRead()
{
    QFETCH(QByteArray, bytes);
    QFETCH(SuggestionProblem::Kind, kind);
    QFETCH(int, line);
    QFETCH(QString, message);
    const Expected<SuggestionFileContents> contents =
        SuggestionImport::read(bytes, std::nullopt, Schema::builtin(), textsOf({{u"a"_s, plainA}}));
    QVERIFY_OK(contents);
    QCOMPARE(contents->problems.size(), 1);
    QCOMPARE(contents->problems[0].kind, kind);
    QCOMPARE(contents->problems[0].line, line);
    QCOMPARE(contents->problems[0].message, message);
    // The good span is imported all the same: "Acme", wherever the file counted it from.
    QCOMPARE(contents->suggestions.size(), 1);
    QCOMPARE(contents->suggestions[0].text, u"Acme"_s);
    QCOMPARE(contents->suggestions[0].start, 3);
}

void TestSuggestions::aFileThatIsNotTheFormatIsAnError_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<std::optional<SuggestionFormat>>("format");
    QTest::addColumn<QString>("error");
    const QString unknown = u"it is not a predictions file annorev reads: JSON Lines of {\"id\", \"spans\"}, doccano "
                            "JSONL or a Label Studio JSON export (--format names one)"_s;
    QTest::addRow("empty") << QByteArray() << std::optional<SuggestionFormat>() << unknown;
    QTest::addRow("a batch, not predictions")
        << QByteArray("{\"id\": \"a\", \"text\": \"x\"}\n") << std::optional<SuggestionFormat>() << unknown;
    QTest::addRow("csv") << QByteArray("id,start,end\na,0,1\n") << std::optional<SuggestionFormat>() << unknown;
    QTest::addRow("json lines named doccano")
        << QByteArray("{\"id\": \"a\", \"spans\": []}\n") << std::optional(SuggestionFormat::Doccano)
        << u"it is not doccano JSONL: no line is an object with \"text\" and its spans"_s;
    QTest::addRow("doccano named json lines")
        << QByteArray("{\"id\": 1, \"text\": \"x\", \"entities\": []}\n") << std::optional(SuggestionFormat::JsonLines)
        << u"it is not JSON Lines of predictions: no line is an object with \"id\" and \"spans\""_s;
    QTest::addRow("a broken Label Studio array")
        << QByteArray("[{\"data\": ") << std::optional<SuggestionFormat>()
        << u"it is not a Label Studio export: invalid JSON: The JSON document has an improper structure: missing or "
           "superfluous commas, braces, missing keys, etc."_s;
}

void TestSuggestions::aFileThatIsNotTheFormatIsAnError()
{
    QFETCH(QByteArray, bytes);
    QFETCH(std::optional<SuggestionFormat>, format);
    QFETCH(QString, error);
    bool asked = false;
    const Expected<SuggestionFileContents> contents =
        SuggestionImport::read(bytes, format, Schema::builtin(), [&asked](const QStringList &) {
            asked = true;
            return Expected<QHash<QString, QString>>(QHash<QString, QString>{{u"a"_s, plainA}});
        });
    QCOMPARE(errorOf(contents), error);
    QVERIFY(!asked);
}

void TestSuggestions::textsAreAskedForABlockOfDocumentsAtATime()
{
    QByteArray bytes;
    for (qsizetype i = 0; i <= SuggestionImport::BlockSize; ++i) {
        bytes += "{\"id\": \"a\", \"spans\": [{\"start\": 2, \"end\": 6, \"label\": \"model\"}]}\n";
    }
    QList<qsizetype> asked;
    const SuggestionImport::PlainTexts texts = textsOf({{u"a"_s, plainA}});
    const Expected<SuggestionFileContents> contents =
        SuggestionImport::read(bytes, std::nullopt, Schema::builtin(), [&](const QStringList &ids) {
            asked.append(ids.size());
            return texts(ids);
        });
    QVERIFY(contents);
    QCOMPARE(asked, (QList<qsizetype>{SuggestionImport::BlockSize, 1}));
    QCOMPARE(contents->suggestions.size(), SuggestionImport::BlockSize + 1);
}

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
