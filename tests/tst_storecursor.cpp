#include "batchstats.h"
#include "checker.h"
#include "countryaliases.h"
#include "generatedbatch.h"
#include "spotchecksample.h"
#include "storestats.h"
#include "testsupport.h"

#include <QTest>

using namespace annorev;
using namespace annorev::test;
using namespace Qt::StringLiterals;

// `stats` and spot-check draws read the store through its cursor (forEachProfile) instead of a
// list of every document's profile. On a generated batch with faults, unknown labels and every
// status, they must count and draw exactly what the list-based counting and drawing give.
class TestStoreCursor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cursorGivesEveryProfileInBatchOrder();
    void cursorPutsDocumentsThatShareAPositionInIdOrder();
    void statsFromTheCursorEqualStatsFromTheProfiles();
    void drawsFromTheCursorEqualDrawsFromTheProfiles_data();
    void drawsFromTheCursorEqualDrawsFromTheProfiles();

private:
    static QString dump(const BatchStats &stats);
    static QStringList visitedIds(const ReviewStore &store);

    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
    QTemporaryDir m_dir;
    std::unique_ptr<ReviewStore> m_store;
    QList<DocumentProfile> m_profiles;
};

void TestStoreCursor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString batch = m_dir.filePath(u"generated.jsonl"_s);
    const QString generated = generateBatch(batch, 7, 3000);
    QVERIFY2(generated.isEmpty(), qPrintable(generated));
    m_store = syncedStore(batch, m_checker);
    QVERIFY(m_store);
    const Expected<QStringList> ids = m_store->ids();
    QVERIFY_OK(ids);
    QStringList approved;
    QStringList needsWork;
    QStringList rejected;
    for (qsizetype i = 0; i < ids->size(); ++i) {
        (i % 3 == 0 ? approved : i % 7 == 0 ? needsWork : i % 11 == 0 ? rejected : approved).append((*ids)[i]);
    }
    approved = approved.mid(0, approved.size() / 2); // the rest stay unreviewed
    QVERIFY_OK(m_store->setStatus(approved, ReviewStatus::Approved, u"overridden in a test"_s, u"tester"_s));
    QVERIFY_OK(m_store->setStatus(needsWork, ReviewStatus::NeedsWork, QString(), u"tester"_s));
    QVERIFY_OK(m_store->setStatus(rejected, ReviewStatus::Rejected, QString(), u"tester"_s));
    Expected<QList<DocumentProfile>> profiles = m_store->profiles();
    QVERIFY_OK(profiles);
    m_profiles = std::move(*profiles);
    QCOMPARE(m_profiles.size(), 3000);
}

void TestStoreCursor::cursorGivesEveryProfileInBatchOrder()
{
    QList<DocumentProfile> visited;
    QVERIFY_OK(m_store->forEachProfile([&visited](const ProfileRow &row) {
        DocumentProfile profile{QString::fromUtf8(row.id), row.status, {}};
        profile.facts.records = row.facts.records();
        profile.facts.bySeverity = row.facts.bySeverity();
        for (const FactsView::Label &label : row.facts.labels()) {
            profile.facts.labels.append({FactsView::name(label.name), label.spans});
        }
        for (const FactsView::Rule &rule : row.facts.rules()) {
            profile.facts.rules.append({FactsView::name(rule.name), rule.severity, rule.findings});
        }
        visited.append(profile);
    }));
    QCOMPARE(visited.size(), m_profiles.size());
    for (qsizetype i = 0; i < visited.size(); ++i) {
        QCOMPARE(visited[i].id, m_profiles[i].id);
        QCOMPARE(visited[i].status, m_profiles[i].status);
        QCOMPARE(visited[i].facts, m_profiles[i].facts);
    }
}

QStringList TestStoreCursor::visitedIds(const ReviewStore &store)
{
    QStringList ids;
    const Expected<void> visited =
        store.forEachProfile([&ids](const ProfileRow &row) { ids.append(QString::fromUtf8(row.id)); });
    return visited ? ids : QStringList{u"error: "_s + visited.error().message};
}

void TestStoreCursor::cursorPutsDocumentsThatShareAPositionInIdOrder()
{
    // A document gone from the batch keeps its position; the one that takes its place in the
    // batch gets the same position, and was stored after it.
    QTemporaryDir dir;
    const QString batch = dir.filePath(u"batch.jsonl"_s);
    writeFile(batch, R"({"id": "x", "text": "<model>A</model>"}
{"id": "y", "text": "<model>B</model>"}
{"id": "z", "text": "<model>C</model>"}
)");
    std::unique_ptr<ReviewStore> store = syncedStore(batch, m_checker);
    QVERIFY(store);
    writeFile(batch, R"({"id": "x", "text": "<model>A</model>"}
{"id": "w", "text": "<model>D</model>"}
{"id": "z", "text": "<model>C</model>"}
)");
    QVERIFY_OK(store->sync({batch}, Schema::builtin(), m_checker, u"tester"_s));
    const Expected<QList<DocumentProfile>> profiles = store->profiles();
    QVERIFY_OK(profiles);
    QStringList listed;
    for (const DocumentProfile &profile : *profiles) {
        listed.append(profile.id);
    }
    QCOMPARE(listed, (QStringList{u"x"_s, u"w"_s, u"y"_s, u"z"_s}));
    QCOMPARE(visitedIds(*store), listed);
}

QString TestStoreCursor::dump(const BatchStats &stats)
{
    QString out = u"documents %1\n"_s.arg(stats.documents);
    for (qsizetype count : stats.byStatus) {
        out += u"status %1\n"_s.arg(count);
    }
    for (const BatchStats::LabelCount &label : stats.labels) {
        out += u"label %1 %2 %3\n"_s.arg(label.label).arg(label.spans).arg(label.documents);
    }
    for (const BatchStats::RuleCount &rule : stats.rules) {
        out += u"rule %1 %2 %3 %4\n"_s.arg(rule.rule).arg(int(rule.severity)).arg(rule.findings).arg(rule.documents);
    }
    for (qsizetype count : stats.bySeverity) {
        out += u"severity %1\n"_s.arg(count);
    }
    return out;
}

void TestStoreCursor::statsFromTheCursorEqualStatsFromTheProfiles()
{
    const BatchStats fromProfiles = BatchStats::of(m_profiles, Schema::builtin());
    const Expected<StoreStats> read = StoreStats::read(*m_store, Schema::builtin(), 0.05, QString());
    QVERIFY_OK(read);
    QCOMPARE(dump(read->batch), dump(fromProfiles));
    // Spans of every label and findings of most rules: the rows compared are not all zeros.
    QVERIFY(std::all_of(fromProfiles.labels.cbegin(), fromProfiles.labels.cend(),
                        [](const BatchStats::LabelCount &label) { return label.documents > 0; }));
    QVERIFY(std::count_if(fromProfiles.rules.cbegin(), fromProfiles.rules.cend(),
                          [](const BatchStats::RuleCount &rule) { return rule.findings > 0; }) > 5);
}

void TestStoreCursor::drawsFromTheCursorEqualDrawsFromTheProfiles_data()
{
    QTest::addColumn<Stratify>("stratify");
    QTest::addColumn<QList<ReviewStatus>>("statuses");
    QTest::addColumn<qsizetype>("size");
    const QList<ReviewStatus> all;
    const QList<ReviewStatus> some{ReviewStatus::NeedsWork, ReviewStatus::Rejected};
    QTest::addRow("simple, all") << Stratify::None << all << qsizetype(100);
    QTest::addRow("simple, some statuses") << Stratify::None << some << qsizetype(40);
    QTest::addRow("by label, all") << Stratify::Label << all << qsizetype(100);
    QTest::addRow("by label, some statuses") << Stratify::Label << some << qsizetype(30);
    QTest::addRow("by rule, all") << Stratify::Rule << all << qsizetype(100);
    QTest::addRow("by rule, some statuses") << Stratify::Rule << some << qsizetype(30);
    QTest::addRow("by rule, fewer than the strata") << Stratify::Rule << all << qsizetype(2);
    QTest::addRow("by label, more than there are") << Stratify::Label << some << qsizetype(5000);
}

void TestStoreCursor::drawsFromTheCursorEqualDrawsFromTheProfiles()
{
    QFETCH(Stratify, stratify);
    QFETCH(QList<ReviewStatus>, statuses);
    QFETCH(qsizetype, size);
    for (const quint64 seed : {quint64(1), quint64(2), ~quint64(0)}) {
        const SpotCheckSample::Drawn fromProfiles = SpotCheckSample::draw(m_profiles, statuses, size, seed, stratify);
        const Expected<SpotCheckSample::Drawn> fromCursor =
            SpotCheckSample::draw(*m_store, statuses, size, seed, stratify);
        QVERIFY_OK(fromCursor);
        QCOMPARE(fromCursor->candidates, fromProfiles.candidates);
        QCOMPARE(fromCursor->strata, fromProfiles.strata);
        QCOMPARE(fromCursor->documents.size(), fromProfiles.documents.size());
        for (qsizetype i = 0; i < fromProfiles.documents.size(); ++i) {
            QCOMPARE(fromCursor->documents[i].id, fromProfiles.documents[i].id);
            QCOMPARE(fromCursor->documents[i].stratum, fromProfiles.documents[i].stratum);
        }
    }
}

QTEST_GUILESS_MAIN(TestStoreCursor)
#include "tst_storecursor.moc"
