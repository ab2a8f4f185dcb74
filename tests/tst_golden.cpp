// Golden outputs of the command line (issue 12): what `check`, `status`, `stats` and every export
// print and write, on the sample batch and on a generated batch of 10,000 documents, frozen before
// the code behind them is split up, so that the split can be shown to change no byte.
//
// Each command's run becomes one transcript: the command line (BATCH and OUT standing for the
// paths), its exit status, its standard error, its standard output and every file it wrote (a
// folder's in sorted order). The samples' transcripts are kept whole in tests/data/golden/samples/;
// the generated batch's, too large for git, as "SHA256  SIZE  NAME" lines in
// tests/data/golden/generated-10k.sha256. ANNOREV_UPDATE_GOLDEN=1 rewrites them instead.

#include "testsupport.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

using annorev::test::CliRun;
using annorev::test::readFile;
using annorev::test::writeFile;

const QString goldenDir = QStringLiteral(ANNOREV_TESTDATA_DIR "/golden");
const QString actualDir = QStringLiteral(ANNOREV_GOLDEN_ACTUAL_DIR);
const QString manifestName = u"generated-10k.sha256"_s;
const QString samplesInput = u"samples"_s;
const QString generatedInput = u"generated-10k"_s;

bool updating()
{
    return qEnvironmentVariable("ANNOREV_UPDATE_GOLDEN") == u"1";
}

// The reviewer recorded with every decision and judgement the test makes.
const QString reviewer = u"golden"_s;

bool isDigits(const char *at, int count)
{
    for (int i = 0; i < count; ++i) {
        if (at[i] < '0' || at[i] > '9') {
            return false;
        }
    }
    return true;
}

// The length of the UTC time in ISO 8601 at `at` (YYYY-MM-DDTHH:MM:SS, optionally .mmm, then Z), or 0.
qsizetype timeLength(const char *at, qsizetype left)
{
    if (left < 20 || !isDigits(at, 4) || at[4] != '-' || !isDigits(at + 5, 2) || at[7] != '-' || !isDigits(at + 8, 2) ||
        at[10] != 'T' || !isDigits(at + 11, 2) || at[13] != ':' || !isDigits(at + 14, 2) || at[16] != ':' ||
        !isDigits(at + 17, 2)) {
        return 0;
    }
    if (at[19] == 'Z') {
        return 20;
    }
    return left >= 24 && at[19] == '.' && isDigits(at + 20, 3) && at[23] == 'Z' ? 24 : 0;
}

// What legitimately differs from run to run, and nothing else:
// - the run's temporary folder (in store paths and --out paths) becomes <TMP>;
// - UTC times in ISO 8601 (reviewed_at in the records exports, a round's created_at and a
//   judgement's at in stats) become <TIME>;
// - in value-implausible's "outside the plausible range 1950–2027", the upper bound (the current
//   year + 1: the checker takes the current year so that its rules do not age) becomes <NEXT YEAR>.
QByteArray normalised(QByteArray bytes, const QString &tmp)
{
    bytes.replace(tmp.toUtf8(), "<TMP>");
    bytes.replace(QByteArray("1950–" + QByteArray::number(QDate::currentDate().year() + 1)), "1950–<NEXT YEAR>");
    QByteArray out;
    out.reserve(bytes.size());
    const char *data = bytes.constData();
    qsizetype copied = 0;
    for (qsizetype i = 0; i + 20 <= bytes.size(); ++i) {
        if (data[i + 10] == 'T') {
            if (const qsizetype length = timeLength(data + i, bytes.size() - i)) {
                out.append(data + copied, i - copied).append("<TIME>");
                i += length - 1;
                copied = i + 1;
            }
        }
    }
    return out.append(data + copied, bytes.size() - copied);
}

void appendSection(QByteArray *transcript, const QByteArray &title, const QByteArray &bytes)
{
    *transcript += "--- " + title + '\n' + bytes;
    if (!bytes.isEmpty() && !bytes.endsWith('\n')) {
        *transcript += "\n\\ no newline at end\n";
    }
}

QByteArray transcript(const QStringList &arguments, const CliRun &run, const QString &out)
{
    QByteArray text =
        "$ annorev " + arguments.join(u' ').toUtf8() + "\nexit status " + QByteArray::number(run.exitCode) + '\n';
    appendSection(&text, "standard error", run.err);
    appendSection(&text, "standard output", run.out);
    if (QFileInfo(out).isDir()) {
        const QMap<QString, QByteArray> files = annorev::test::readTree(out);
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            appendSection(&text, "file OUT/" + it.key().toUtf8(), it.value());
        }
    } else if (QFileInfo(out).isFile()) {
        appendSection(&text, "file OUT", readFile(out));
    }
    return text;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray manifestLine(const QByteArray &bytes)
{
    return sha256(bytes) + "  " + QByteArray::number(bytes.size());
}

// Where the actual output of a mismatch goes, for diffing against the golden.
QString keepActual(const QString &name, const QByteArray &bytes)
{
    const QString path = actualDir + u'/' + name;
    writeFile(path, bytes);
    return path;
}

// A line as the failure message shows it: CR and tab visible, at most 200 bytes.
QByteArray excerpt(QByteArray line)
{
    if (line.size() > 200) {
        line = line.left(200) + "…";
    }
    return line.replace('\r', "\\r").replace('\t', "\\t");
}

// Empty when expected == actual, else where they first differ.
QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> want = expected.split('\n');
    const QList<QByteArray> got = actual.split('\n');
    for (qsizetype i = 0; i < std::max(want.size(), got.size()); ++i) {
        if (i >= want.size() || i >= got.size() || want[i] != got[i]) {
            const auto quoted = [](const QList<QByteArray> &lines, qsizetype at) -> QByteArray {
                return at < lines.size() ? QByteArray('"' + excerpt(lines[at]) + '"') : QByteArray("(end of file)");
            };
            const QByteArray wanted = quoted(want, i);
            const QByteArray gotten = quoted(got, i);
            return u"first difference at line %1:\n  expected: %2\n  actual:   %3"_s.arg(i + 1).arg(
                QString::fromUtf8(wanted), QString::fromUtf8(gotten));
        }
    }
    return expected == actual ? QString() : u"the bytes differ"_s;
}

// Manifest lines "SHA256  SIZE  NAME" by name; lines starting with '#' are comments.
QMap<QString, QByteArray> readManifest(const QString &path)
{
    QMap<QString, QByteArray> entries;
    for (const QByteArray &line : readFile(path).split('\n')) {
        const qsizetype nameAt = line.indexOf("  ", 66);
        if (!line.startsWith('#') && nameAt > 0) {
            entries.insert(QString::fromUtf8(line.mid(nameAt + 2)), line.left(nameAt));
        }
    }
    return entries;
}

QByteArray manifestText(const QMap<QString, QByteArray> &entries)
{
    QByteArray text =
        "# annorev-genbatch --seed 42 --count 10000: SHA256  SIZE  NAME of the batch and of each normalised\n"
        "# transcript of tests/tst_golden.cpp. ANNOREV_UPDATE_GOLDEN=1 ctest -R tst_golden rewrites it.\n";
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        text += it.value() + "  " + it.key().toUtf8() + '\n';
    }
    return text;
}

QString generatedId(int number)
{
    return u"doc-"_s + QString::number(number).rightJustified(6, u'0');
}

QStringList generatedIds(int first, int step, int last)
{
    QStringList ids;
    for (int number = first; number <= last; number += step) {
        ids.append(generatedId(number));
    }
    return ids;
}

} // namespace

class TestGolden : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void generatedBatchIsTheRecordedOne();
    void outputIsTheGolden_data();
    void outputIsTheGolden();
    void cleanupTestCase();

private:
    CliRun run(const QStringList &arguments) const
    {
        return annorev::test::runAnnorev(arguments, annorev::test::isolatedEnvironment(m_dir));
    }
    // Runs a command that prepares the batches; stops the test when it fails.
    QByteArray prepare(const QStringList &arguments) const
    {
        const CliRun result = run(arguments);
        if (result.exitCode != 0) {
            qFatal("annorev %s failed (%d): %s", qPrintable(arguments.join(u' ')), result.exitCode,
                   result.err.constData());
        }
        return result.out;
    }
    void review(const QString &batch, const QList<std::pair<QStringList, QStringList>> &decisions,
                const QStringList &round, int failures) const;
    QString batch(const QString &input) const { return m_batches.value(input); }

    QTemporaryDir m_dir{QDir::tempPath() + u"/tst_golden-XXXXXX"_s};
    QMap<QString, QString> m_batches; // input name -> batch path
    QMap<QString, QByteArray> m_manifest;
    QElapsedTimer m_timer;
};

// Marks documents (each decision: options, ids), draws a spot-check round (options) and judges
// its documents in draw order: the last `failures` fail, the others pass. All as one reviewer.
void TestGolden::review(const QString &batch, const QList<std::pair<QStringList, QStringList>> &decisions,
                        const QStringList &round, int failures) const
{
    const QStringList as{u"--reviewer"_s, reviewer};
    for (const auto &[options, ids] : decisions) {
        prepare(QStringList{u"mark"_s} + options + as + QStringList{batch} + ids);
    }
    const QStringList drawn =
        QString::fromUtf8(prepare(QStringList{u"sample"_s, u"--name"_s, u"golden"_s} + round + as + QStringList{batch}))
            .split(u'\n', Qt::SkipEmptyParts);
    if (drawn.size() <= failures) {
        qFatal("the round drew %lld documents, not more than %d", qlonglong(drawn.size()), failures);
    }
    const QStringList judge{u"spotcheck"_s, u"--round"_s, u"golden"_s};
    prepare(judge + QStringList{u"--pass"_s} + as + QStringList{batch} + drawn.first(drawn.size() - failures));
    const QStringList reasons{u"wrong-label"_s, u"missing-span"_s, u"wrong-value"_s};
    for (int i = 0; i < failures; ++i) {
        prepare(judge +
                QStringList{u"--fail"_s, reasons[i % reasons.size()], u"--note"_s, u"judged by the golden test"_s} +
                as + QStringList{batch, drawn[drawn.size() - failures + i]});
    }
}

void TestGolden::initTestCase()
{
    m_timer.start();
    QVERIFY(m_dir.isValid());
    if (updating()) {
        qInfo("ANNOREV_UPDATE_GOLDEN=1: rewriting the golden files in %s instead of comparing", qPrintable(goldenDir));
    } else {
        // What is left there is the actual output of the last run's mismatches.
        QDir(actualDir).removeRecursively();
    }
    m_manifest = readManifest(goldenDir + u'/' + manifestName);

    const QString samples = annorev::test::copySamples(m_dir);
    m_batches.insert(samplesInput, samples);
    // Notes with what CSV and JSON must quote or guard: a comma, quotes, a leading '=', non-ASCII.
    review(samples,
           {{{u"--status"_s, u"approved"_s}, {u"000_fb52d27db3b8b6ee.txt"_s}},
            {{u"--status"_s, u"approved"_s, u"--note"_s, u"=checked twice, \"params\" too"_s},
             {u"003_2b600daee4a931dd.txt"_s}},
            {{u"--status"_s, u"rejected"_s, u"--note"_s, u"the record merges two models — see §2"_s},
             {u"001_1d6e54ff941a55a9.txt"_s}},
            {{u"--status"_s, u"needs-work"_s, u"--note"_s, u"mojibake in the second paragraph"_s},
             {u"004_777d6b4e246e2bc8.txt"_s}}},
           {u"--size"_s, u"3"_s, u"--seed"_s, u"7"_s}, 1);

    const QString generated = m_dir.filePath(u"generated.jsonl"_s);
    QProcess genbatch;
    genbatch.start(QStringLiteral(ANNOREV_GENBATCH),
                   {u"--seed"_s, u"42"_s, u"--count"_s, u"10000"_s, u"--out"_s, generated});
    QVERIFY(genbatch.waitForFinished(120000));
    QVERIFY2(genbatch.exitCode() == 0, genbatch.readAllStandardError().constData());
    m_batches.insert(generatedInput, generated);
    // Every approval has a note: a generated document may have error findings.
    review(
        generated,
        {{{u"--status"_s, u"approved"_s, u"--note"_s, u"approved by the golden test"_s}, generatedIds(1, 100, 10000)},
         {{u"--status"_s, u"rejected"_s, u"--note"_s, u"rejected, \"wrong\" facts"_s}, generatedIds(50, 100, 1000)},
         {{u"--status"_s, u"needs-work"_s, u"--note"_s, u"needs work"_s}, generatedIds(75, 100, 1000)}},
        {u"--size"_s, u"40"_s, u"--seed"_s, u"7"_s, u"--stratify"_s, u"rule"_s}, 4);
    qInfo("batches generated and reviewed in %.1f s", double(m_timer.elapsed()) / 1000);
}

// So that a change of annorev-genbatch is not taken for a change of annorev.
void TestGolden::generatedBatchIsTheRecordedOne()
{
    const QByteArray line = manifestLine(readFile(batch(generatedInput)));
    const QString name = u"generated.jsonl"_s;
    if (updating()) {
        m_manifest.insert(name, line);
        return;
    }
    QVERIFY2(m_manifest.value(name) == line,
             qPrintable(u"annorev-genbatch --seed 42 --count 10000 wrote another batch (%1) than the one %2 records "
                        "(%3): the goldens of the generated batch no longer apply"_s.arg(
                            QString::fromUtf8(line), manifestName, QString::fromUtf8(m_manifest.value(name)))));
}

void TestGolden::outputIsTheGolden_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("arguments");

    QList<std::pair<QString, QStringList>> commands{
        {u"check-jsonl"_s, {u"check"_s, u"--format"_s, u"jsonl"_s, u"BATCH"_s}},
        {u"check-text"_s, {u"check"_s, u"--format"_s, u"text"_s, u"BATCH"_s}},
        {u"status-json"_s, {u"status"_s, u"--format"_s, u"json"_s, u"BATCH"_s}},
        {u"stats-json"_s, {u"stats"_s, u"--format"_s, u"json"_s, u"BATCH"_s}},
    };
    const CliRun help = annorev::test::runAnnorev({u"export"_s, u"--help"_s});
    // The formats as `export --help` lists them ("One of: records-jsonl, ..., conll."), so that a new
    // one is not left out.
    const qsizetype listAt = help.out.indexOf("One of: ");
    QVERIFY2(listAt >= 0, help.out.constData());
    const QByteArray list = help.out.mid(listAt + 8, help.out.indexOf('.', listAt) - listAt - 8);
    for (const QByteArray &format : list.simplified().split(',')) {
        const QString name = QString::fromUtf8(format.trimmed());
        QStringList arguments{u"export"_s, u"--format"_s, name};
        // tagged writes a folder for a folder batch and brat always does: those go to --out.
        if (name == u"tagged" || name == u"brat") {
            arguments += {u"--out"_s, u"OUT"_s};
        }
        // By default only approved documents are exported.
        commands.append({u"export-"_s + name, arguments + QStringList{u"BATCH"_s}});
        commands.append(
            {u"export-"_s + name + u"-all"_s, arguments + QStringList{u"--status"_s, u"all"_s, u"BATCH"_s}});
    }
    QVERIFY2(commands.size() >= 4 + 2 * 7, list.constData());
    for (const QString &input : {samplesInput, generatedInput}) {
        for (const auto &[name, arguments] : std::as_const(commands)) {
            QTest::addRow("%s/%s", qPrintable(input), qPrintable(name)) << input << name << arguments;
        }
    }
}

void TestGolden::outputIsTheGolden()
{
    QFETCH(QString, input);
    QFETCH(QString, name);
    QFETCH(QStringList, arguments);

    const QString out = m_dir.filePath(u"out/"_s + input + u'/' + name);
    QVERIFY(QDir().mkpath(QFileInfo(out).absolutePath()));
    QStringList resolved = arguments;
    resolved.replaceInStrings(QRegularExpression(u"^BATCH$"_s), batch(input));
    resolved.replaceInStrings(QRegularExpression(u"^OUT$"_s), out);
    QElapsedTimer timer;
    timer.start();
    const CliRun result = run(resolved);
    // So that a failure is not frozen as the golden: check exits 1 when there are error findings.
    QVERIFY2(result.exitCode == 0 || (arguments.constFirst() == u"check" && result.exitCode == 1),
             qPrintable(u"exit status %1: %2"_s.arg(result.exitCode).arg(QString::fromUtf8(result.err))));
    const QByteArray actual = normalised(transcript(arguments, result, out), m_dir.path());
    const QString goldenName = input + u'/' + name;

    if (input == samplesInput) {
        const QString golden = goldenDir + u'/' + goldenName + u".txt"_s;
        if (updating()) {
            writeFile(golden, actual);
            return;
        }
        QVERIFY2(QFile::exists(golden), qPrintable(golden + u" is missing: run with ANNOREV_UPDATE_GOLDEN=1"_s));
        const QString difference = firstDifference(readFile(golden), actual);
        if (!difference.isEmpty()) {
            QFAIL(qPrintable(u"annorev %1 on the %2: the output differs from %3, %4\nThe actual output is in %5"_s.arg(
                arguments.join(u' '), input, golden, difference, keepActual(goldenName + u".txt"_s, actual))));
        }
    } else {
        const QByteArray line = manifestLine(actual);
        if (updating()) {
            m_manifest.insert(name, line);
            return;
        }
        QVERIFY2(m_manifest.contains(name),
                 qPrintable(name + u" is not in "_s + manifestName + u": run with ANNOREV_UPDATE_GOLDEN=1"_s));
        if (m_manifest.value(name) != line) {
            QFAIL(qPrintable(u"annorev %1 on the %2: the output's SHA256  SIZE are %3, but %4 records %5\n"
                             "The actual output is in %6"_s.arg(arguments.join(u' '), input, QString::fromUtf8(line),
                                                                manifestName, QString::fromUtf8(m_manifest.value(name)),
                                                                keepActual(goldenName + u".txt"_s, actual))));
        }
    }
    qDebug("%s: %lld ms", qPrintable(goldenName), timer.elapsed());
}

void TestGolden::cleanupTestCase()
{
    if (updating()) {
        writeFile(goldenDir + u'/' + manifestName, manifestText(m_manifest));
        qInfo("ANNOREV_UPDATE_GOLDEN=1: rewrote %s and the samples' transcripts", qPrintable(manifestName));
    }
    qInfo("%.1f s in all", double(m_timer.elapsed()) / 1000);
}

QTEST_GUILESS_MAIN(TestGolden)
#include "tst_golden.moc"
