// The team store on a real PostgreSQL server (the cluster ctest starts, see teamserver.h): the
// server's rights per role, claims, refused stale writes, NOTIFY, a restart under a stream of
// marks, and the writes every store shares, run on both backends.

#include "checker.h"
#include "countryaliases.h"
#include "expectedsupport.h"
#include "schema.h"
#include "teamserver.h"
#include "teamstore.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

namespace {

const QString approveWithoutErrors = u"002_f429afe5dd9093a8.txt"_s;

} // namespace

class TestTeamStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void initIsIdempotentAndRefusesANewerSchema();
    void aMissingBatchIsAnErrorThatSaysHowToMakeIt();
    void importFlagsChangedAndMissingSourcesAndKeepsTheReviewersVersion();
    void importedTextsReadBackByteForByteWhateverTheyHold_data();
    void importedTextsReadBackByteForByteWhateverTheyHold();
    void decisionsEditsAndRoundsReadBack_data();
    void decisionsEditsAndRoundsReadBack();
    void aStaleWriteIsRefusedAndNamesWhoChangedIt_data();
    void aStaleWriteIsRefusedAndNamesWhoChangedIt();
    void eachRoleMayDoOnlyWhatItsRoleAllows_data();
    void eachRoleMayDoOnlyWhatItsRoleAllows();
    void theLogRoundsAndJudgementsAreAppendOnlyForEveryone_data();
    void theLogRoundsAndJudgementsAreAppendOnlyForEveryone();
    void theServerRecordsWhoDidItWhateverTheClientSends();
    void membersClaimingAtOnceAreNeverHandedTheSameDocument();
    void aClaimKeepsOthersOutUntilADecisionOrARelease();
    void anExpiredLeaseFreesTheDocument();
    void aChangeReachesAnotherConnectionWithinASecond();
    void aServerRestartLosesNoAcknowledgedMark();
    void aListenerHearsChangesAgainAfterARestart();
    void suggestionsAreRefusedWithAnErrorThatSaysWhy_data();
    void suggestionsAreRefusedWithAnErrorThatSaysWhy();

private:
    // The samples imported afresh into the team batch `name`, as the curator.
    bool importSamples(const QString &name);
    std::unique_ptr<ReviewStore> teamStore(const QString &user, const QString &batch) const;
    // A synced store of the samples on the backend ("sqlite" or "postgresql"), and a second one
    // on the same data as another writer.
    std::pair<std::unique_ptr<ReviewStore>, std::unique_ptr<ReviewStore>> twoWriters(const QString &backend,
                                                                                     const QString &name);

    TeamServer m_server{u"ts"_s};
    QTemporaryDir m_dir;
    QString m_samples;
    QString m_large; // 40 documents, JSON Lines
    QString m_more;  // the samples and one more
    Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
};

void TestTeamStore::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.setUp());
    m_samples = copySamples(m_dir);
    m_more = m_dir.filePath(u"more"_s);
    QVERIFY(copySamples(m_more));
    writeFile(m_more + u"/extra.txt"_s, "<model>Extra</model>");
    m_large = m_dir.filePath(u"large.jsonl"_s);
    QByteArray lines;
    for (int i = 0; i < 40; ++i) {
        lines += "{\"id\": \"d" + QByteArray::number(i).rightJustified(2, '0') + "\", \"text\": \"<model>M" +
                 QByteArray::number(i) + "</model> was trained on 8 GPUs.\"}\n";
    }
    writeFile(m_large, lines);
}

bool TestTeamStore::importSamples(const QString &name)
{
    Expected<std::unique_ptr<ReviewStore>> store =
        ReviewStore::open(m_server.address(m_server.user(u"carol"_s), name), true);
    if (!store) {
        qWarning("%s", qPrintable(store.error().message));
        return false;
    }
    const auto report = (*store)->sync({m_samples}, Schema::builtin(), m_checker, QString());
    if (!report) {
        qWarning("%s", qPrintable(report.error().message));
    }
    return report.has_value();
}

std::unique_ptr<ReviewStore> TestTeamStore::teamStore(const QString &user, const QString &batch) const
{
    return openedStore(m_server.address(m_server.user(user), batch));
}

std::pair<std::unique_ptr<ReviewStore>, std::unique_ptr<ReviewStore>> TestTeamStore::twoWriters(const QString &backend,
                                                                                                const QString &name)
{
    if (backend == u"sqlite") {
        const QString batch = m_dir.filePath(name);
        copySamples(batch);
        std::unique_ptr<ReviewStore> first = syncedStore(batch, m_checker);
        return {std::move(first), openedStore(ReviewStore::defaultStorePath({batch}))};
    }
    if (!importSamples(name)) {
        return {};
    }
    return {teamStore(u"bob"_s, name), teamStore(u"carol"_s, name)};
}

void TestTeamStore::initIsIdempotentAndRefusesANewerSchema()
{
    // Again on a set-up database: nothing changes, and it says so.
    const Expected<QString> again = TeamStore::initDatabase(m_server.superuserAddress());
    QVERIFY_OK(again);
    QVERIFY2(again->contains(u"up to date"_s), qPrintable(*again));

    QVERIFY(m_server.run(m_server.database(), u"UPDATE annorev.meta SET value = '99' WHERE key = 'schema_version'"_s));
    const QString refused = errorOf(TeamStore::initDatabase(m_server.superuserAddress()));
    const QString openRefused = errorOf(ReviewStore::open(m_server.superuserAddress(u"any"_s)));
    QVERIFY(m_server.run(m_server.database(), u"UPDATE annorev.meta SET value = '1' WHERE key = 'schema_version'"_s));
    QVERIFY2(refused.contains(u"newer annorev (schema 99"_s), qPrintable(refused));
    QVERIFY2(openRefused.contains(u"newer annorev (schema 99"_s), qPrintable(openRefused));
}

void TestTeamStore::aMissingBatchIsAnErrorThatSaysHowToMakeIt()
{
    const QString error = errorOf(ReviewStore::open(m_server.address(m_server.user(u"bob"_s), u"nowhere"_s)));
    QVERIFY2(error.contains(u"there is no team batch \"nowhere\""_s) && error.contains(u"annorev import"_s),
             qPrintable(error));
    // Only a curator makes one; for others the batch stays missing.
    const QString notMade = errorOf(ReviewStore::open(m_server.address(m_server.user(u"bob"_s), u"nowhere"_s), true));
    QVERIFY2(notMade.contains(u"there is no team batch"_s), qPrintable(notMade));
}

void TestTeamStore::importFlagsChangedAndMissingSourcesAndKeepsTheReviewersVersion()
{
    const QString folder = m_dir.filePath(u"imported"_s);
    QVERIFY(copySamples(folder));
    const QString address = m_server.address(m_server.user(u"carol"_s), u"imported"_s);
    Expected<std::unique_ptr<ReviewStore>> store = ReviewStore::open(address, true);
    QVERIFY2(store.has_value(), qPrintable(errorOf(store)));
    auto first = (*store)->sync({folder}, Schema::builtin(), m_checker, QString());
    QVERIFY_OK(first);
    QCOMPARE(first->imported, 5);
    auto again = (*store)->sync({folder}, Schema::builtin(), m_checker, QString());
    QVERIFY_OK(again);
    QCOMPARE(again->imported, 0);
    QVERIFY(again->sourceChanged.isEmpty() && again->missing.isEmpty());

    const QString edited = approveWithoutErrors;
    const QByteArray reviewersText = "reviewer's <model>version</model>";
    QVERIFY_OK((*store)->setTaggedText(edited, reviewersText, Schema::builtin(), m_checker, QString()));
    writeFile(folder + u'/' + edited, "changed at the source");
    const QString gone = u"000_fb52d27db3b8b6ee.txt"_s;
    QVERIFY(QFile::remove(folder + u'/' + gone));
    auto changed = (*store)->sync({folder}, Schema::builtin(), m_checker, QString());
    QVERIFY_OK(changed);
    QCOMPARE(changed->sourceChanged, QStringList{edited});
    QCOMPARE(changed->missing, QStringList{gone});
    const auto doc = (*store)->document(edited);
    QVERIFY_OK(doc);
    QVERIFY(doc->sourceChanged);
    QCOMPARE(doc->taggedText, reviewersText);
    const auto log = (*store)->auditLog(edited);
    QVERIFY_OK(log);
    QCOMPARE(log->constLast().action, u"source-changed"_s);
    QCOMPARE(log->constLast().textAfter.value_or(QByteArray()), QByteArray("changed at the source"));
    const auto summary = (*store)->summary();
    QVERIFY_OK(summary);
    QCOMPARE(summary->missing, QStringList{gone});
}

void TestTeamStore::importedTextsReadBackByteForByteWhateverTheyHold_data()
{
    // The import sends its rows with COPY's text format, where a tab, a newline, a backslash and
    // "\N" mean something: none of them may change what is stored. file: a document file's name
    // (a folder batch) or "batch.jsonl"; bytes: its content.
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("tabs, CRLF and a trailing backslash")
        << u"a.txt"_s << QByteArray("a\tb\r\n<model>Tab\tModel</model> on 8 GPUs\n\\");
    QTest::addRow("a literal \\N, \\t and \\\\") << u"b.txt"_s << QByteArray("\\N \\t \\\\ \\x00 <model>N</model>");
    // PostgreSQL's text holds no NUL: the plain text (searched only) keeps U+FFFD for it.
    QTest::addRow("invalid UTF-8 and a NUL") << u"c.txt"_s << QByteArray("caf\xe9 <model>M\xff</model>\0end", 24);
    QTest::addRow("astral and CJK text") << u"d\u00e9.txt"_s
                                         << QByteArray("Z\xc3\xbcrich \xe6\x9d\xb1\xe4\xba\xac \xf0\x9f\x9a\x80 "
                                                       "<country>Schweiz</country>");
    QTest::addRow("a JSON Lines line with escapes and an id holding a tab")
        << u"batch.jsonl"_s
        << QByteArray(R"({"id": "j\tk\\N", "text": "line\nbreak \\ \t <model>X</model>", "meta": "a\tb"})"
                      "\n");
}

void TestTeamStore::importedTextsReadBackByteForByteWhateverTheyHold()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, bytes);
    static int round = 0;
    const QString name = u"bytes"_s + QString::number(++round);
    const QString folder = m_dir.filePath(name);
    QVERIFY(QDir().mkpath(folder));
    writeFile(folder + u'/' + file, bytes);
    const QString input = file.endsWith(u".jsonl") ? folder + u'/' + file : folder;

    // The SQLite store of the same batch is the reference: both must read back the same.
    std::unique_ptr<ReviewStore> local = syncedStore(input, m_checker);
    QVERIFY(local);
    Expected<std::unique_ptr<ReviewStore>> team =
        ReviewStore::open(m_server.address(m_server.user(u"carol"_s), name), true);
    QVERIFY2(team.has_value(), qPrintable(errorOf(team)));
    const auto report = (*team)->sync({input}, Schema::builtin(), m_checker, QString());
    QVERIFY_OK(report);
    QCOMPARE(report->imported, 1);

    const auto ids = local->ids();
    QVERIFY_OK(ids);
    QCOMPARE((*team)->ids().value_or(QStringList()), *ids);
    const QString id = ids->constFirst();
    const auto expected = local->document(id);
    const auto stored = (*team)->document(id);
    QVERIFY_OK(expected);
    QVERIFY_OK(stored);
    QCOMPARE(stored->sourceText, expected->sourceText);
    QCOMPARE(stored->taggedText, expected->taggedText);
    QCOMPARE(stored->jsonLine, expected->jsonLine);
    QCOMPARE(stored->sourceHash, expected->sourceHash);
    QCOMPARE(stored->relativePath, expected->relativePath);
    if (!file.endsWith(u".jsonl")) {
        QCOMPARE(stored->sourceText, bytes);
    }
    // And the facts and plain text the window and search read.
    const auto teamEntries = (*team)->listEntries();
    const auto localEntries = local->listEntries();
    QVERIFY_OK(teamEntries);
    QVERIFY_OK(localEntries);
    QCOMPARE(teamEntries->constFirst().facts.encoded(), localEntries->constFirst().facts.encoded());
    const QString word = u"model"_s;
    QCOMPARE((*team)->search(word).value_or(QStringList()), local->search(word).value_or(QStringList()));

    // An edit writes the same bytes back through the other path (an UPDATE with bound values).
    const QByteArray edited = bytes + QByteArray("\t\\N\0 <year>2023</year>", 22);
    QVERIFY_OK(local->setTaggedText(id, edited, Schema::builtin(), m_checker, u"carol"_s));
    QVERIFY_OK((*team)->setTaggedText(id, edited, Schema::builtin(), m_checker, QString()));
    QCOMPARE((*team)->document(id)->taggedText, local->document(id)->taggedText);
    QCOMPARE((*team)->document(id)->taggedText, edited);
    QCOMPARE((*team)->search(u"2023"_s).value_or(QStringList()), QStringList{id});
}

void TestTeamStore::decisionsEditsAndRoundsReadBack_data()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << u"sqlite"_s;
    QTest::newRow("postgresql") << u"postgresql"_s;
}

void TestTeamStore::decisionsEditsAndRoundsReadBack()
{
    QFETCH(QString, backend);
    auto [store, other] = twoWriters(backend, u"readback_"_s + backend);
    QVERIFY(store && other);
    const QString id = approveWithoutErrors;
    const auto before = store->document(id);
    QVERIFY_OK(before);

    QVERIFY_OK(store->setStatus({id}, ReviewStatus::Approved, u"fine"_s, u"tester"_s));
    const auto approved = store->document(id);
    QVERIFY_OK(approved);
    QCOMPARE(approved->status, ReviewStatus::Approved);
    QCOMPARE(approved->note, u"fine"_s);
    QVERIFY(approved->version > before->version);
    QVERIFY(approved->changedAt.isValid());

    // An edit reopens the decision and is logged with both texts.
    const QByteArray text = approved->taggedText + " <model>More</model>";
    QVERIFY_OK(store->setTaggedText(id, text, Schema::builtin(), m_checker, u"tester"_s));
    const auto edited = other->document(id);
    QVERIFY_OK(edited);
    QCOMPARE(edited->taggedText, text);
    QCOMPARE(edited->status, ReviewStatus::Unreviewed);
    QVERIFY(edited->version > approved->version);
    const auto log = other->auditLog(id);
    QVERIFY_OK(log);
    QCOMPARE(log->size(), 2);
    QCOMPARE(log->at(0).action, u"status"_s);
    QCOMPARE(log->at(1).action, u"edit"_s);
    QCOMPARE(log->at(1).textBefore.value_or(QByteArray()), approved->taggedText);

    const auto headers = other->exportHeaders();
    QVERIFY_OK(headers);
    QCOMPARE(headers->size(), 5);
    const auto exported = other->exportDocuments(QStringList{id});
    QVERIFY_OK(exported);
    QVERIFY(exported->constFirst().edited);
    QCOMPARE(exported->constFirst().taggedText, text);
    const auto found = other->search(u"More"_s, TextMatch::WordStart, {});
    QVERIFY_OK(found);
    QCOMPARE(*found, QStringList{id});

    SpotCheckRound round;
    round.name = u"r1"_s;
    round.seed = 18446744073709551615ULL; // the largest seed survives the trip
    round.requestedSize = 2;
    round.createdBy = u"tester"_s;
    // Rounds are the curator's to draw, judgements the reviewer's.
    QVERIFY_OK(other->createRound(round, {{id, {}}, {u"000_fb52d27db3b8b6ee.txt"_s, {}}}));
    QVERIFY(!other->createRound(round, {{id, {}}}));
    QVERIFY_OK(store->judge(u"r1"_s, {id}, Verdict::Fail, FailReason::WrongLabel, u"see"_s, u"tester"_s));
    const auto rounds = other->rounds();
    QVERIFY_OK(rounds);
    QCOMPARE(rounds->size(), 1);
    QCOMPARE(rounds->constFirst().seed, round.seed);
    QCOMPARE(rounds->constFirst().size, 2);
    const auto documents = other->roundDocuments(u"r1"_s);
    QVERIFY_OK(documents);
    QCOMPARE(documents->constFirst().id, id);
    const auto judgements = store->judgements(u"r1"_s);
    QVERIFY_OK(judgements);
    QCOMPARE(judgements->size(), 1);
    QCOMPARE(judgements->constFirst().reason, FailReason::WrongLabel);
    QVERIFY(!store->judge(u"r1"_s, {u"001_1d6e54ff941a55a9.txt"_s}, Verdict::Pass, {}, {}, u"tester"_s));

    // The list reads in pages as the window does.
    qsizetype rows = 0;
    QVERIFY_OK(other->readIndex({}, 2, [&rows](DocumentIndexPage page) {
        rows += page.size();
        return true;
    }));
    QCOMPARE(rows, 5);
}

void TestTeamStore::aStaleWriteIsRefusedAndNamesWhoChangedIt_data()
{
    decisionsEditsAndRoundsReadBack_data();
}

void TestTeamStore::aStaleWriteIsRefusedAndNamesWhoChangedIt()
{
    QFETCH(QString, backend);
    auto [store, other] = twoWriters(backend, u"stale_"_s + backend);
    QVERIFY(store && other);
    const QString id = approveWithoutErrors;
    const auto opened = store->document(id);
    QVERIFY_OK(opened);

    // Another writer decides while the document is open here.
    QVERIFY_OK(other->setStatus({id}, ReviewStatus::NeedsWork, u"theirs"_s, u"someone"_s));

    const QString edit = errorOf(store->setTaggedText(id, opened->taggedText + " x", Schema::builtin(), m_checker,
                                                      u"tester"_s, opened->version));
    QVERIFY2(edit.contains(u"was changed by"_s) && edit.contains(u"the edit was not saved"_s), qPrintable(edit));
    const QString who = backend == u"sqlite" ? u"someone"_s : m_server.user(u"carol"_s);
    QVERIFY2(edit.contains(who), qPrintable(edit));
    const QString decision =
        errorOf(store->setStatus({id}, ReviewStatus::Approved, {}, u"tester"_s, {{id, opened->version}}));
    QVERIFY2(decision.contains(u"nothing was changed"_s), qPrintable(decision));

    const auto now = other->document(id);
    QVERIFY_OK(now);
    QCOMPARE(now->status, ReviewStatus::NeedsWork);
    QCOMPARE(now->taggedText, opened->taggedText);
    // On the version it was shown, the same write goes through.
    QVERIFY_OK(store->setStatus({id}, ReviewStatus::Approved, {}, u"tester"_s, {{id, now->version}}));
}

void TestTeamStore::eachRoleMayDoOnlyWhatItsRoleAllows_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    const QStringList actions{u"approve"_s, u"reject"_s, u"needs-work"_s, u"edit"_s,
                              u"claim"_s,   u"judge"_s,  u"draw-round"_s, u"import"_s};
    // annotator, reviewer, curator, no role
    const QList<QList<bool>> allowed{{false, true, true, false},  {false, true, true, false},
                                     {true, true, true, false},   {true, true, true, false},
                                     {true, true, true, false},   {false, true, true, false},
                                     {false, false, true, false}, {false, false, true, false}};
    const QStringList users{u"alice"_s, u"bob"_s, u"carol"_s, u"dave"_s};
    for (qsizetype a = 0; a < actions.size(); ++a) {
        for (qsizetype u = 0; u < users.size(); ++u) {
            QTest::addRow("%s %s", qPrintable(users[u]), qPrintable(actions[a]))
                << users[u] << actions[a] << allowed[a][u];
        }
    }
}

void TestTeamStore::eachRoleMayDoOnlyWhatItsRoleAllows()
{
    QFETCH(QString, user);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    const QString batch = u"roles_"_s + user + u'_' + action;
    QVERIFY(importSamples(batch));
    {
        std::unique_ptr<ReviewStore> curator = teamStore(u"carol"_s, batch);
        QVERIFY(curator);
        SpotCheckRound round;
        round.name = u"r"_s;
        QVERIFY_OK(curator->createRound(round, {{approveWithoutErrors, {}}}));
    }
    Expected<std::unique_ptr<ReviewStore>> opened = ReviewStore::open(m_server.address(m_server.user(user), batch));
    Expected<void> done = opened ? Expected<void>() : Expected<void>(opened.error());
    if (opened) {
        ReviewStore &store = **opened;
        const QString id = approveWithoutErrors;
        if (action == u"approve") {
            done = store.setStatus({id}, ReviewStatus::Approved, {}, {});
        } else if (action == u"reject") {
            done = store.setStatus({id}, ReviewStatus::Rejected, {}, {});
        } else if (action == u"needs-work") {
            done = store.setStatus({id}, ReviewStatus::NeedsWork, {}, {});
        } else if (action == u"edit") {
            done = store.setTaggedText(id, "<model>X</model>", Schema::builtin(), m_checker, {});
        } else if (action == u"claim") {
            const auto claimed = store.team()->claim(1);
            done = claimed ? Expected<void>() : Expected<void>(claimed.error());
        } else if (action == u"judge") {
            done = store.judge(u"r"_s, {id}, Verdict::Pass, {}, {}, {});
        } else if (action == u"draw-round") {
            SpotCheckRound round;
            round.name = u"r2"_s;
            done = store.createRound(round, {{id, {}}});
        } else if (action == u"import") {
            const auto report = store.sync({m_more}, Schema::builtin(), m_checker, {});
            done = report ? Expected<void>() : Expected<void>(report.error());
        }
    }
    QVERIFY2(done.has_value() == allowed, qPrintable(errorOf(done)));
    if (!allowed) {
        QVERIFY2(errorOf(done).contains(u"not allowed"_s), qPrintable(errorOf(done)));
    }
}

void TestTeamStore::theLogRoundsAndJudgementsAreAppendOnlyForEveryone_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("sql");
    for (const QString &user : {u"ts_carol"_s, u"postgres"_s}) {
        QTest::addRow("%s updates the log", qPrintable(user)) << user << u"UPDATE annorev.audit SET note = 'x'"_s;
        QTest::addRow("%s deletes the log", qPrintable(user)) << user << u"DELETE FROM annorev.audit"_s;
        QTest::addRow("%s empties the log", qPrintable(user)) << user << u"TRUNCATE annorev.audit CASCADE"_s;
        QTest::addRow("%s renames a round", qPrintable(user)) << user << u"UPDATE annorev.rounds SET name = 'x'"_s;
        QTest::addRow("%s deletes judgements", qPrintable(user)) << user << u"DELETE FROM annorev.judgements"_s;
        QTest::addRow("%s changes a round's draw", qPrintable(user))
            << user << u"UPDATE annorev.round_documents SET stratum = 'x'"_s;
    }
}

void TestTeamStore::theLogRoundsAndJudgementsAreAppendOnlyForEveryone()
{
    QFETCH(QString, user);
    QFETCH(QString, sql);
    const QString batch = u"appendonly"_s;
    static bool made = false;
    if (!made) {
        QVERIFY(importSamples(batch));
        std::unique_ptr<ReviewStore> curator = teamStore(u"carol"_s, batch);
        QVERIFY(curator);
        SpotCheckRound round;
        round.name = u"r"_s;
        QVERIFY_OK(curator->createRound(round, {{approveWithoutErrors, {}}}));
        QVERIFY_OK(curator->judge(u"r"_s, {approveWithoutErrors}, Verdict::Pass, {}, {}, {}));
        QVERIFY_OK(curator->setStatus({approveWithoutErrors}, ReviewStatus::NeedsWork, {}, {}));
        made = true;
    }
    QString error;
    QVERIFY2(!m_server.runAs(user, m_server.database(), sql, &error), "the server let it through");
    QVERIFY2(error.contains(u"append-only"_s) || error.contains(u"permission denied"_s), qPrintable(error));
}

void TestTeamStore::theServerRecordsWhoDidItWhateverTheClientSends()
{
    const QString batch = u"who"_s;
    QVERIFY(importSamples(batch));
    std::unique_ptr<ReviewStore> bob = teamStore(u"bob"_s, batch);
    QVERIFY(bob);
    QVERIFY_OK(bob->setStatus({approveWithoutErrors}, ReviewStatus::Approved, {}, u"mallory"_s));
    const auto doc = bob->document(approveWithoutErrors);
    QVERIFY_OK(doc);
    QCOMPARE(doc->reviewer, m_server.user(u"bob"_s));
    QCOMPARE(*bob->team()->user(), m_server.user(u"bob"_s));

    // Even a row written by hand with another name is stamped with the connection's user.
    QVERIFY(m_server.runAs(m_server.user(u"alice"_s), m_server.database(),
                           u"INSERT INTO annorev.audit (batch, document_id, reviewer, action)"
                           " SELECT id, '"_s +
                               approveWithoutErrors +
                               u"', 'mallory', 'status' FROM annorev.batches WHERE name = 'who'"_s));
    const auto log = bob->auditLog(approveWithoutErrors);
    QVERIFY_OK(log);
    QCOMPARE(log->size(), 2);
    QCOMPARE(log->at(0).reviewer, m_server.user(u"bob"_s));
    QCOMPARE(log->at(1).reviewer, m_server.user(u"alice"_s));
}

void TestTeamStore::membersClaimingAtOnceAreNeverHandedTheSameDocument()
{
    const QString batch = u"claims"_s;
    {
        Expected<std::unique_ptr<ReviewStore>> store =
            ReviewStore::open(m_server.address(m_server.user(u"carol"_s), batch), true);
        QVERIFY2(store.has_value(), qPrintable(errorOf(store)));
        QVERIFY_OK((*store)->sync({m_large}, Schema::builtin(), m_checker, {}));
    }
    // Four members at once, each on its own connection and thread, three at a time until none is left.
    const QStringList members{u"alice"_s, u"bob"_s, u"alice"_s, u"bob"_s};
    const QList<QStringList> handed =
        QtConcurrent::blockingMapped<QList<QStringList>>(members, [this, &batch](const QString &member) {
            QStringList ids;
            std::unique_ptr<ReviewStore> store = teamStore(member, batch);
            while (store) {
                const auto claimed = store->team()->claim(3);
                if (!claimed || claimed->isEmpty()) {
                    break;
                }
                for (const Claim &claim : *claimed) {
                    ids.append(claim.documentId);
                }
            }
            return ids;
        });
    QSet<QString> seen;
    qsizetype total = 0;
    for (const QStringList &ids : handed) {
        total += ids.size();
        for (const QString &id : ids) {
            QVERIFY2(!seen.contains(id), qPrintable(id + u" was handed out twice"_s));
            seen.insert(id);
        }
    }
    QCOMPARE(total, 40);
    std::unique_ptr<ReviewStore> curator = teamStore(u"carol"_s, batch);
    const auto live = curator->team()->claims();
    QVERIFY_OK(live);
    QCOMPARE(live->size(), 40);
}

void TestTeamStore::aClaimKeepsOthersOutUntilADecisionOrARelease()
{
    const QString batch = u"held"_s;
    QVERIFY(importSamples(batch));
    std::unique_ptr<ReviewStore> alice = teamStore(u"alice"_s, batch);
    std::unique_ptr<ReviewStore> bob = teamStore(u"bob"_s, batch);
    QVERIFY(alice && bob);
    const auto mine = alice->team()->claim(1);
    QVERIFY_OK(mine);
    QCOMPARE(mine->size(), 1);
    const QString id = mine->constFirst().documentId;

    const QString refused = errorOf(bob->setStatus({id}, ReviewStatus::NeedsWork, {}, {}));
    QVERIFY2(refused.contains(u"is claimed by "_s + m_server.user(u"alice"_s)), qPrintable(refused));
    const auto bobs = bob->team()->claim(10);
    QVERIFY_OK(bobs);
    for (const Claim &claim : *bobs) {
        QVERIFY(claim.documentId != id);
    }
    QCOMPARE(bobs->size(), 4);
    // Bob cannot give back what Alice holds.
    QCOMPARE(*bob->team()->release({id}), QStringList());

    // Alice's decision frees it.
    QVERIFY_OK(alice->setStatus({id}, ReviewStatus::NeedsWork, {}, {}));
    auto live = bob->team()->claims();
    QVERIFY_OK(live);
    QCOMPARE(live->size(), 4);
    // Bob's release gives his back, and Alice is handed them.
    QStringList his;
    for (const Claim &claim : *bobs) {
        his.append(claim.documentId);
    }
    QCOMPARE(*bob->team()->release(his), his);
    const auto renewed = alice->team()->renew(his, 5);
    QVERIFY_OK(renewed);
    QVERIFY(renewed->isEmpty());
    const auto again = alice->team()->claim(10);
    QVERIFY_OK(again);
    QCOMPARE(again->size(), 4);
    const auto extended = alice->team()->renew({again->constFirst().documentId}, 60);
    QVERIFY_OK(extended);
    QCOMPARE(extended->size(), 1);
    QVERIFY(extended->constFirst().leaseUntil > again->constFirst().leaseUntil);
}

void TestTeamStore::anExpiredLeaseFreesTheDocument()
{
    const QString batch = u"lease"_s;
    QVERIFY(importSamples(batch));
    std::unique_ptr<ReviewStore> alice = teamStore(u"alice"_s, batch);
    std::unique_ptr<ReviewStore> bob = teamStore(u"bob"_s, batch);
    const auto held = alice->team()->claim(1, 1);
    QVERIFY_OK(held);
    const QString id = held->constFirst().documentId;
    // A minute later, as the server sees it.
    QVERIFY(m_server.run(
        m_server.database(),
        u"UPDATE annorev.claims SET lease_until = now() - interval '1 second' WHERE document_id = '"_s + id + u'\''));
    const auto taken = bob->team()->claim(1);
    QVERIFY_OK(taken);
    QCOMPARE(taken->constFirst().documentId, id);
    QCOMPARE(taken->constFirst().reviewer, m_server.user(u"bob"_s));
    QVERIFY_OK(bob->setStatus({id}, ReviewStatus::Approved, {}, {}));
}

void TestTeamStore::aChangeReachesAnotherConnectionWithinASecond()
{
    const QString batch = u"live"_s;
    QVERIFY(importSamples(batch));
    QSqlDatabase listener = QSqlDatabase::addDatabase(u"QPSQL"_s, u"listener"_s);
    listener.setHostName(TeamServer::directory());
    listener.setUserName(m_server.user(u"bob"_s));
    listener.setDatabaseName(m_server.database());
    QVERIFY(listener.open());
    QVERIFY(listener.driver()->subscribeToNotification(QString::fromLatin1(teamChangesChannel)));
    QSignalSpy heard(listener.driver(), &QSqlDriver::notification);
    std::unique_ptr<ReviewStore> alice = teamStore(u"alice"_s, batch);
    QElapsedTimer timer;
    timer.start();
    QVERIFY_OK(alice->setStatus({approveWithoutErrors}, ReviewStatus::NeedsWork, {}, {}));
    QVERIFY(heard.wait(1000));
    QVERIFY(timer.elapsed() < 1000);
    QVERIFY2(heard.constFirst().at(2).toString().endsWith(u' ' + approveWithoutErrors),
             qPrintable(heard.constFirst().at(2).toString()));
    const auto claimed = alice->team()->claim(1);
    QVERIFY_OK(claimed);
    QVERIFY(heard.wait(1000));
    listener.close();
    listener = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"listener"_s);
}

void TestTeamStore::aServerRestartLosesNoAcknowledgedMark()
{
    const QString batch = u"restart"_s;
    {
        Expected<std::unique_ptr<ReviewStore>> store =
            ReviewStore::open(m_server.address(m_server.user(u"carol"_s), batch), true);
        QVERIFY2(store.has_value(), qPrintable(errorOf(store)));
        QVERIFY_OK((*store)->sync({m_large}, Schema::builtin(), m_checker, {}));
    }
    std::unique_ptr<ReviewStore> bob = teamStore(u"bob"_s, batch);
    const auto ids = bob->ids();
    QVERIFY_OK(ids);
    QStringList acknowledged;
    QStringList refused;
    for (qsizetype i = 0; i < ids->size(); ++i) {
        if (i == ids->size() / 2) {
            QVERIFY(TeamServer::restart());
        }
        const Expected<void> marked = bob->setStatus({ids->at(i)}, ReviewStatus::NeedsWork, {}, {});
        (marked ? acknowledged : refused).append(ids->at(i));
        if (!marked) {
            QVERIFY2(marked.error().message.contains(u"cannot be reached"_s) ||
                         marked.error().message.contains(u"went away"_s),
                     qPrintable(marked.error().message));
        }
    }
    // At most the mark the restart broke is refused, and said to be; every other one is kept.
    QVERIFY2(refused.size() <= 1, qPrintable(refused.join(u", ")));
    std::unique_ptr<ReviewStore> check = teamStore(u"carol"_s, batch);
    for (const QString &id : acknowledged) {
        const auto doc = check->document(id);
        QVERIFY_OK(doc);
        QCOMPARE(doc->status, ReviewStatus::NeedsWork);
    }
}

void TestTeamStore::aListenerHearsChangesAgainAfterARestart()
{
    const QString batch = u"relisten"_s;
    QVERIFY(importSamples(batch));
    std::unique_ptr<ReviewStore> alice = teamStore(u"alice"_s, batch);
    QStringList heard;
    QVERIFY_OK(alice->team()->listen([&heard](const QString &id) { heard.append(id); }));
    QVERIFY(TeamServer::restart());
    // Alice's next call finds the connection gone and makes it again, listening as before.
    QVERIFY_OK(alice->ids());
    std::unique_ptr<ReviewStore> bob = teamStore(u"bob"_s, batch);
    QVERIFY_OK(bob->setStatus({approveWithoutErrors}, ReviewStatus::NeedsWork, {}, {}));
    QTRY_COMPARE_WITH_TIMEOUT(heard, QStringList{approveWithoutErrors}, 2000);
}

void TestTeamStore::suggestionsAreRefusedWithAnErrorThatSaysWhy_data()
{
    QTest::addColumn<QString>("call");
    for (const char *call : {"add", "list", "decide", "count"}) {
        QTest::addRow("%s", call) << QString::fromLatin1(call);
    }
}

void TestTeamStore::suggestionsAreRefusedWithAnErrorThatSaysWhy()
{
    QFETCH(QString, call);
    static const bool imported = importSamples(u"suggested"_s);
    QVERIFY(imported);
    const std::unique_ptr<ReviewStore> store = teamStore(u"carol"_s, u"suggested"_s);
    QVERIFY(store);
    QVERIFY(!store->keepsSuggestions());
    const QString id = store->ids()->constFirst();
    Suggestion suggestion;
    suggestion.documentId = id;
    suggestion.end = 1;
    suggestion.label = u"model"_s;
    const QString error = call == u"add"    ? errorOf(store->addSuggestions({suggestion}, u"p.jsonl"_s, u"carol"_s, Schema::builtin()))
                          : call == u"list" ? errorOf(store->suggestions(id))
                          : call == u"decide"
                              ? errorOf(store->decideSuggestion(1, SuggestionState::Accepted, u"carol"_s, Schema::builtin()))
                              : errorOf(store->suggestionCounts());
    QVERIFY2(error.startsWith(u"suggestions are kept in local stores only; the team batch "_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTeamStore)
#include "tst_teamstore.moc"
