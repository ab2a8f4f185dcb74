// A fuzz target run on its seeds and on every crasher it found, in the normal suite: a property a
// crasher once broke is checked by every build, not only by the fuzz preset. A broken property
// aborts with its name (fuzzsupport.h), which fails the test.
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

class TestFuzzReplay : public QObject
{
    Q_OBJECT

private slots:
    void targetHasSeeds();
    void seedsAndCrashersKeepTheProperties_data();
    void seedsAndCrashersKeepTheProperties();

private:
    static QStringList inputs();
};

QStringList TestFuzzReplay::inputs()
{
    QStringList paths;
    for (const char *dir : {ANNOREV_FUZZ_CORPUS_DIR, ANNOREV_TESTDATA_DIR "/bad/" ANNOREV_FUZZ_TARGET}) {
        QDirIterator it(QString::fromUtf8(dir), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            paths.append(it.next());
        }
    }
    paths.sort();
    return paths;
}

void TestFuzzReplay::targetHasSeeds()
{
    QVERIFY2(!inputs().isEmpty(), "tests/fuzz/corpus/" ANNOREV_FUZZ_TARGET "/ holds no seed");
}

void TestFuzzReplay::seedsAndCrashersKeepTheProperties_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : inputs()) {
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
    }
}

void TestFuzzReplay::seedsAndCrashersKeepTheProperties()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray bytes = file.readAll();
    QCOMPARE(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size())),
             0);
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "replay.moc"
