#include "bulkeditrun.h"
#include "countryaliases.h"
#include "reviewstore.h"
#include "bulkpreviewmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace annorev;
using namespace Qt::StringLiterals;
using annorev::test::readFile;
using annorev::test::writeFile;

namespace {

// Three documents: an untagged and a tagged mention, one inside a hardware span, none.
const QByteArray batchLines = "{\"id\": \"a\", \"text\": \"\xF0\x9F\x98\x80 NeuroFlex-7B beats NeuroFlex-7B-Instruct; "
                              "<model>NeuroFlex-7B</model> wins.\"}\n"
                              "{\"id\": \"b\", \"text\": \"<hardware>NeuroFlex-7B chips</hardware> and "
                              "NeuroFlex-7B\"}\n"
                              "{\"id\": \"c\", \"text\": \"Nothing here.\"}\n";

BulkRequest tagModel(const QString &pattern)
{
    return {BulkRequest::Tag, u"model"_s, {}, {pattern, false, true, false}, {}};
}

// "id start-end state" per hit, offsets in code points.
QStringList describe(const BulkPreview &preview)
{
    QStringList out;
    for (const BulkDocument &doc : preview.documents) {
        for (const BulkHit &hit : doc.hits) {
            out << u"%1 %2-%3 %4"_s.arg(doc.id)
                       .arg(hit.codePointStart)
                       .arg(hit.codePointEnd)
                       .arg(BulkEdit::describe(preview.request, hit));
        }
    }
    return out;
}

} // namespace

class TestBulkEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_batch = m_dir->filePath(u"batch.jsonl"_s);
        writeFile(m_batch, batchLines);
        m_store = test::syncedStore(m_batch, m_checker);
        QVERIFY(m_store);
    }
    void cleanup()
    {
        m_store.reset();
        m_dir.reset();
    }

    void previewStatesEveryHitInScope_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("the batch") << QStringList{}
                                   << QStringList{u"a 2-14 will tag"_s, u"a 44-56 skipped: already tagged"_s,
                                                  u"b 0-12 skipped: overlaps a span"_s, u"b 23-35 will tag"_s};
        QTest::addRow("one document") << QStringList{u"b"_s}
                                      << QStringList{u"b 0-12 skipped: overlaps a span"_s, u"b 23-35 will tag"_s};
        QTest::addRow("a list, in its order")
            << QStringList{u"c"_s, u"b"_s, u"a"_s}
            << QStringList{u"b 0-12 skipped: overlaps a span"_s, u"b 23-35 will tag"_s, u"a 2-14 will tag"_s,
                           u"a 44-56 skipped: already tagged"_s};
    }
    void previewStatesEveryHitInScope()
    {
        QFETCH(QStringList, ids);
        QFETCH(QStringList, expected);
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {ids, {}}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY2(preview, qPrintable(preview ? QString() : preview.error().message));
        QCOMPARE(describe(*preview), expected);
        QCOMPARE(preview->searched, ids.isEmpty() ? 3 : ids.size());
    }

    void previewFiltersByStatus()
    {
        QVERIFY(m_store->setStatus({u"b"_s}, ReviewStatus::NeedsWork, {}, u"ann"_s));
        const Expected<BulkPreview> preview = BulkEditRun::preview(
            *m_store, {{}, {ReviewStatus::NeedsWork}}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY(preview);
        QCOMPARE(preview->searched, 1);
        QCOMPARE(describe(*preview), (QStringList{u"b 0-12 skipped: overlaps a span"_s, u"b 23-35 will tag"_s}));
    }

    void previewRefusesUnknownIds()
    {
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {{u"zz"_s}, {}}, tagModel(u"x"_s), Schema::builtin(), nullptr);
        QVERIFY(!preview);
        QVERIFY2(preview.error().message.contains(u"\"zz\""_s), qPrintable(preview.error().message));
    }

    void previewCountsFindingsBeforeAndAfter()
    {
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {{u"a"_s}, {}}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), &m_checker);
        QVERIFY(preview);
        const BulkDocument &a = preview->documents.constFirst();
        QVERIFY(a.findingsBefore && a.findingsAfter);
        // The untagged mention is a mention-untagged warning that tagging it takes away.
        QCOMPARE(a.findingsAfter->warnings, a.findingsBefore->warnings - 1);
    }

    void cancelledPreviewSaysSo()
    {
        BulkEditRun::Control control;
        control.cancelled = [] {
            return true;
        };
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"x"_s), Schema::builtin(), nullptr, control);
        QVERIFY(!preview);
        QCOMPARE(preview.error().message, BulkEditRun::cancelledMessage());
    }

    void applyWritesEachDocumentOnceWithAnAuditRow()
    {
        const QByteArray source = readFile(m_batch);
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY(preview);
        const QList<ReviewStore::TextWrite> writes = BulkEditRun::writes(*preview, {}, Schema::builtin(), m_checker);
        QCOMPARE(writes.size(), 2);
        QVERIFY(m_store->setTaggedTexts(writes, u"ann"_s));

        const Expected<QList<ReviewStore::AuditEntry>> log = m_store->auditLog();
        QVERIFY(log);
        QList<ReviewStore::AuditEntry> edits;
        for (const ReviewStore::AuditEntry &entry : *log) {
            if (entry.action == u"edit") {
                edits.append(entry);
            }
        }
        QCOMPARE(edits.size(), 2);
        QCOMPARE(edits[0].documentId, u"a"_s);
        QCOMPARE(edits[1].documentId, u"b"_s);
        QCOMPARE(edits[0].reviewer, u"ann"_s);
        // One transaction: one time for both.
        QCOMPARE(edits[0].at, edits[1].at);
        QCOMPARE(m_store->document(u"a"_s)->taggedText,
                 QByteArray("\xF0\x9F\x98\x80 <model>NeuroFlex-7B</model> beats NeuroFlex-7B-Instruct; "
                            "<model>NeuroFlex-7B</model> wins."));
        QCOMPARE(m_store->document(u"b"_s)->taggedText,
                 QByteArray("<hardware>NeuroFlex-7B chips</hardware> and <model>NeuroFlex-7B</model>"));
        QCOMPARE(readFile(m_batch), source);
        // The plain texts did not change, and their words are still found.
        QCOMPARE(*m_store->search(u"NeuroFlex"_s), (QStringList{u"a"_s, u"b"_s}));
        QCOMPARE(*m_store->search(u"wins"_s), QStringList{u"a"_s});
    }

    void applyLeavesOutUntickedHits()
    {
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY(preview);
        // a's first hit unticked: a has nothing else to tag and is not written.
        const BulkSelection selection{{u"a"_s, {false, true}}};
        const QList<ReviewStore::TextWrite> writes =
            BulkEditRun::writes(*preview, selection, Schema::builtin(), m_checker);
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.constFirst().id, u"b"_s);
    }

    void applyOnADocumentChangedSinceWritesNothing()
    {
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY(preview);
        const QList<ReviewStore::TextWrite> writes = BulkEditRun::writes(*preview, {}, Schema::builtin(), m_checker);
        // Someone edits b after the preview read it.
        QVERIFY(m_store->setTaggedText(u"b"_s, "<hardware>NeuroFlex-7B chips</hardware> and NeuroFlex-7B!",
                                       Schema::builtin(), m_checker, u"bob"_s));
        const qsizetype rows = m_store->auditLog()->size();
        const Expected<void> saved = m_store->setTaggedTexts(writes, u"ann"_s);
        QVERIFY(!saved);
        QVERIFY2(saved.error().message.startsWith(u"the document \"b\" was changed by bob at "_s),
                 qPrintable(saved.error().message));
        QVERIFY2(saved.error().message.endsWith(u"since it was read; nothing was changed"_s),
                 qPrintable(saved.error().message));
        // a was written first in the transaction, and rolled back with it.
        QCOMPARE(m_store->auditLog()->size(), rows);
        QVERIFY(!m_store->document(u"a"_s)->taggedText.contains("<model>NeuroFlex-7B</model> beats"));
    }

    void previewModelListsEveryHitAndUnticksThoseThatApply()
    {
        BulkPreviewModel model(Schema::builtin(), &m_checker);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy checked(&model, &BulkPreviewModel::checkedCountChanged);
        Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), &m_checker);
        QVERIFY(preview);
        model.setPreview(*std::move(preview));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.checkedCount(), 2);
        QCOMPARE(checked.takeLast().first().toLongLong(), 2);
        auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        QCOMPARE(cell(0, BulkPreviewModel::DocumentColumn), u"a:2-14"_s);
        QCOMPARE(cell(0, BulkPreviewModel::ContextColumn),
                 u"\U0001F600 [NeuroFlex-7B] beats NeuroFlex-7B-Instruct; NeuroFlex-…"_s);
        QCOMPARE(cell(1, BulkPreviewModel::StateColumn), u"skipped: already tagged"_s);
        QCOMPARE(cell(2, BulkPreviewModel::StateColumn), u"skipped: overlaps a span"_s);
        // Only hits that will be made can be ticked.
        QVERIFY(model.flags(model.index(0, 0)).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(!model.flags(model.index(1, 0)).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(!model.setData(model.index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        const QString before = cell(0, BulkPreviewModel::FindingsColumn);

        QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
        QCOMPARE(model.checkedCount(), 1);
        QCOMPARE(model.selection(), (BulkSelection{{u"a"_s, {false, false}}}));
        // Without the tag, the document's findings stay as they are.
        QVERIFY2(before.contains(u" → "_s), qPrintable(before));
        const QStringList sides = cell(0, BulkPreviewModel::FindingsColumn).split(u" → "_s);
        QCOMPARE(sides.first(), sides.last());
        QVERIFY(before != cell(0, BulkPreviewModel::FindingsColumn));
    }

    void fixPreviewNeedsTheChecker()
    {
        BulkRequest fix;
        fix.action = BulkRequest::Fix;
        fix.rule = u"mention-untagged"_s;
        const Expected<BulkPreview> without = BulkEditRun::preview(*m_store, {}, fix, Schema::builtin(), nullptr);
        QVERIFY(!without);
        const Expected<BulkPreview> with = BulkEditRun::preview(*m_store, {}, fix, Schema::builtin(), &m_checker);
        QVERIFY2(with, qPrintable(with ? QString() : with.error().message));
        QCOMPARE(describe(*with), QStringList{u"a 2-14 will fix"_s});
        QCOMPARE(BulkEditRun::summary(*with, true, 1),
                 u"1 finding in 1 of 3 documents: fixed 1, 0 skipped; 1 document changed"_s);
        const QList<ReviewStore::TextWrite> writes = BulkEditRun::writes(*with, {}, Schema::builtin(), m_checker);
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes[0].after, QByteArray("\xF0\x9F\x98\x80 <model>NeuroFlex-7B</model> beats NeuroFlex-7B-Instruct; "
                                             "<model>NeuroFlex-7B</model> wins."));
    }

    void previewModelShowsWhatEachFixChanges()
    {
        BulkPreviewModel model(Schema::builtin(), &m_checker);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BulkRequest fix;
        fix.action = BulkRequest::Fix;
        fix.rule = u"mention-untagged"_s;
        Expected<BulkPreview> preview = BulkEditRun::preview(*m_store, {}, fix, Schema::builtin(), &m_checker);
        QVERIFY(preview);
        QCOMPARE(model.headerData(BulkPreviewModel::ContextColumn, Qt::Horizontal).toString(), u"Context"_s);
        model.setPreview(*std::move(preview));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(BulkPreviewModel::ContextColumn, Qt::Horizontal).toString(), u"Change"_s);
        // What the fix does, then the line before and the line after.
        const QStringList lines = model.index(0, BulkPreviewModel::ContextColumn).data().toString().split(u'\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[0], u"Tag NeuroFlex-7B as model"_s);
        QCOMPARE(lines[1], u"− \U0001F600 NeuroFlex-7B beats NeuroFlex-7B-Instruct; …"_s);
        QCOMPARE(lines[2], u"+ \U0001F600 <model>NeuroFlex-7B</model> beats NeuroFlex-7B-Instruct; …"_s);
        // English plurals, the untagged mention's warning gone.
        QCOMPARE(model.index(0, BulkPreviewModel::FindingsColumn).data().toString(),
                 u"0 errors, 1 warning → 0 errors, 0 warnings"_s);
        QCOMPARE(model.checkedCount(), 1);
        QVERIFY(model.setData(model.index(0, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.selection(), (BulkSelection{{u"a"_s, {false}}}));
    }

    void summarySaysWhatWasDone_data()
    {
        QTest::addColumn<bool>("applied");
        QTest::addColumn<QString>("expected");
        QTest::addRow("dry run") << false
                                 << u"4 hits in 2 of 3 documents: would tag 2, 2 skipped (1 already tagged, 1 "
                                    "overlapping a span); 2 documents would change"_s;
        QTest::addRow("applied") << true
                                 << u"4 hits in 2 of 3 documents: tagged 2, 2 skipped (1 already tagged, 1 "
                                    "overlapping a span); 2 documents changed"_s;
    }
    void summarySaysWhatWasDone()
    {
        QFETCH(bool, applied);
        QFETCH(QString, expected);
        const Expected<BulkPreview> preview =
            BulkEditRun::preview(*m_store, {}, tagModel(u"NeuroFlex-7B"_s), Schema::builtin(), nullptr);
        QVERIFY(preview);
        QCOMPARE(BulkEditRun::summary(*preview, applied, 2), expected);
    }

private:
    const Checker m_checker{Schema::builtin(), CountryAliases::builtin(), 2026};
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_batch;
    std::unique_ptr<ReviewStore> m_store;
};

QTEST_GUILESS_MAIN(TestBulkEdit)
#include "tst_bulkedit.moc"
