// annorev search: the documents whose plain text holds a text, as the window's search box lists
// them, in the batch's order and one id a line.

#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using annorev::test::writeFile;
using Run = annorev::test::CliRun;

class TestSearchCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void searchListsTheDocumentsHoldingTheTextInBatchOrder_data();
    void searchListsTheDocumentsHoldingTheTextInBatchOrder();

private:
    Run annorev(const QStringList &arguments) const { return annorev::test::runAnnorev(arguments, m_environment); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcessEnvironment m_environment;
};

void TestSearchCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_environment = annorev::test::isolatedEnvironment(*m_dir);
}

void TestSearchCli::searchListsTheDocumentsHoldingTheTextInBatchOrder_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("out");
    // Ids out of alphabetical order: the list is in the batch's order, as in the window.
    QTest::addRow("a word, at word starts, either case") << QStringList{u"GPU"_s} << 0 << QByteArray("z1\nm3\nc5\ne6\n");
    QTest::addRow("a phrase") << QStringList{u"trained on"_s} << 0 << QByteArray("z1\n");
    QTest::addRow("inside words") << QStringList{u"--inside-words"_s, u"GPU"_s} << 0
                                  << QByteArray("z1\nm3\nb4\nc5\ne6\n");
    QTest::addRow("nothing holds it") << QStringList{u"TPU"_s} << 1 << QByteArray();
    QTest::addRow("no text given") << QStringList{} << 2 << QByteArray();
    // An id is one line of the output whatever it holds.
    QTest::addRow("an id with a line break") << QStringList{u"Odd"_s} << 0 << QByteArray("two\\nlines\n");
}

void TestSearchCli::searchListsTheDocumentsHoldingTheTextInBatchOrder()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, out);
    const QString batch = m_dir->filePath(u"search.jsonl"_s);
    writeFile(batch, "{\"id\":\"z1\",\"text\":\"<model>M</model> trained on 8 GPUs.\"}\n"
                     "{\"id\":\"a2\",\"text\":\"Nothing to see.\"}\n"
                     "{\"id\":\"m3\",\"text\":\"A <hardware>GPU</hardware>-cluster.\"}\n"
                     "{\"id\":\"b4\",\"text\":\"An xGPU is not a word start.\"}\n"
                     "{\"id\":\"c5\",\"text\":\"Stra\u00dfe der gpus.\"}\n"
                     "{\"id\":\"e6\",\"text\":\"\\ud83d\\ude00 GPU\"}\n"
                     "{\"id\":\"two\\nlines\",\"text\":\"<model>Odd</model>\"}\n");
    const Run run = annorev(QStringList{u"search"_s, batch} + options);
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, out);
    if (exitCode == 2) {
        QVERIFY2(run.err.contains("give a batch and the text to search for"), run.err.constData());
    }
}

QTEST_GUILESS_MAIN(TestSearchCli)
#include "tst_searchcli.moc"
