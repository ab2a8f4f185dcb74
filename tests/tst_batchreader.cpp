#include "batchreader.h"
#include "folderentries.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <numeric>
#include <thread>

using namespace annorev;
using namespace Qt::StringLiterals;

namespace {

using annorev::test::writeFile;

// One line per result, so that a failing comparison shows what differs.
QString describe(const ReadResult &result)
{
    if (const auto *entry = std::get_if<SourceEntry>(&result)) {
        return QStringLiteral("doc id=%1 path=%2 line=%3 source=%4 json=%5 token=%6-%7")
            .arg(entry->id, entry->path)
            .arg(entry->line)
            .arg(QString::fromUtf8(entry->source.toHex()), QString::fromUtf8(entry->jsonLine.toHex()))
            .arg(entry->textTokenBegin)
            .arg(entry->textTokenEnd);
    }
    if (const auto *error = std::get_if<InputError>(&result)) {
        return u"error " % error->toString();
    }
    return QStringLiteral("blank");
}

SourceEntry entryOf(const ReadResult &result)
{
    if (const auto *error = std::get_if<InputError>(&result)) {
        qWarning("unexpected error: %s", qPrintable(error->toString()));
    }
    const auto *entry = std::get_if<SourceEntry>(&result);
    return entry ? *entry : SourceEntry{};
}

// Short forms of the results of a JSON Lines file: "id|source", "blank" or "LINE:message".
QStringList summarize(const BatchReader &reader)
{
    QStringList out;
    for (qsizetype i = 0; i < reader.size(); ++i) {
        const ReadResult result = reader.read(i);
        if (const auto *entry = std::get_if<SourceEntry>(&result)) {
            out << entry->id % u'|' % QString::fromUtf8(entry->source);
        } else if (const auto *error = std::get_if<InputError>(&result)) {
            out << QString::number(error->line) % u':' % error->message;
        } else {
            out << QStringLiteral("blank");
        }
    }
    return out;
}

QStringList errorStrings(const BatchReader &reader)
{
    QStringList out;
    for (const InputError &error : reader.errors()) {
        out << error.toString();
    }
    return out;
}

} // namespace

class TestBatchReader : public QObject
{
    Q_OBJECT

private slots:
    void folderListsMatchingFilesInUtf8ByteOrder_data();
    void folderListsMatchingFilesInUtf8ByteOrder();
    void folderUnitReadsTheFileBytes();
    void folderGivenAsRelativePathGivesRelativeIds();
    void symlinkedFilesAreListedButSymlinkedFoldersAreNotEntered();
    void unreadableFolderEntryIsReportedAndTheRestIsRead_data();
    void unreadableFolderEntryIsReportedAndTheRestIsRead();
    void badNamesOfOtherFilesAreNotReported();
    void singleFileIdIsItsFileName_data();
    void singleFileIdIsItsFileName();
    void jsonlLineBecomesDocumentWithTextTokenRange_data();
    void jsonlLineBecomesDocumentWithTextTokenRange();
    void jsonlLineSplitting_data();
    void jsonlLineSplitting();
    void badLineIsReportedAtItsLineAndOthersLoad_data();
    void badLineIsReportedAtItsLineAndOthersLoad();
    void invalidUtf8InLineIsRepairedToReplacementCharacter_data();
    void invalidUtf8InLineIsRepairedToReplacementCharacter();
    void missingPathIsReportedAndOtherInputsStillLoad_data();
    void missingPathIsReportedAndOtherInputsStillLoad();
    void fileVanishedBeforeReadGivesReadError();
    void linesAJsonLinesFileLostAfterOpeningAreReadErrorsAtTheirLines();
    void totalBytesIsTheSumOfInputFileSizes();
    void inputErrorPrintsLikeACompiler_data();
    void inputErrorPrintsLikeACompiler();
    void concurrentReadsMatchSequentialReads();
    void hugeLinesReadAgainAfterTheirBuffersAndPagesAreGiven_data();
    void hugeLinesReadAgainAfterTheirBuffersAndPagesAreGiven();
};

void TestBatchReader::folderListsMatchingFilesInUtf8ByteOrder_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("expectedIds");

    QTest::addRow("flat, byte order puts upper case first")
        << QStringList{u"b.txt"_s, u"a.txt"_s, u"C.txt"_s} << QStringList{u"C.txt"_s, u"a.txt"_s, u"b.txt"_s};
    QTest::addRow("nested folders, '.' sorts before '/'")
        << QStringList{u"a/b.txt"_s, u"a.txt"_s, u"a/c/d.html"_s, u"z/y/x.htm"_s, u"a-b.txt"_s}
        << QStringList{u"a-b.txt"_s, u"a.txt"_s, u"a/b.txt"_s, u"a/c/d.html"_s, u"z/y/x.htm"_s};
    QTest::addRow("mixed case extensions")
        << QStringList{u"one.TXT"_s, u"two.Html"_s, u"three.HTM"_s, u"four.tXt"_s}
        << QStringList{u"four.tXt"_s, u"one.TXT"_s, u"three.HTM"_s, u"two.Html"_s};
    QTest::addRow("non-matching files ignored, .jsonl in a folder too")
        << QStringList{u"keep.txt"_s,  u"data.jsonl"_s,   u"notes.md"_s, u"README"_s,
                       u"old.txt.bak"_s, u"sub/page.xhtml"_s, u"txt"_s,      u"sub/x.htmlx"_s}
        << QStringList{u"keep.txt"_s};
    QTest::addRow("non-ASCII names sort by UTF-8 bytes, not locale")
        << QStringList{u"\u00e9t\u00e9.txt"_s, u"zebra.txt"_s, u"\u00c9cole.txt"_s, u"eau.txt"_s}
        << QStringList{u"eau.txt"_s, u"zebra.txt"_s, u"\u00c9cole.txt"_s, u"\u00e9t\u00e9.txt"_s};
    QTest::addRow("hidden files and folders skipped")
        << QStringList{u".hidden.txt"_s, u".git/x.txt"_s, u"seen.txt"_s} << QStringList{u"seen.txt"_s};
    QTest::addRow("empty folder") << QStringList{} << QStringList{};
    QTest::addRow("only empty subfolders") << QStringList{u"sub/"_s, u"sub/deeper/"_s} << QStringList{};
}

void TestBatchReader::folderListsMatchingFilesInUtf8ByteOrder()
{
    QFETCH(QStringList, files);
    QFETCH(QStringList, expectedIds);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"docs"_s);
    QVERIFY(QDir().mkpath(root));
    for (const QString &file : files) {
        if (file.endsWith(u'/')) {
            QVERIFY(QDir(root).mkpath(file));
        } else {
            writeFile(root % u'/' % file, file.toUtf8());
        }
    }

    const BatchReader reader = BatchReader::open({root});
    QCOMPARE(errorStrings(reader), QStringList{});
    QStringList ids;
    for (qsizetype i = 0; i < reader.size(); ++i) {
        const SourceEntry entry = entryOf(reader.read(i));
        ids << entry.id;
        QCOMPARE(entry.source, entry.id.toUtf8());
        QCOMPARE(entry.path, root % u'/' % entry.id);
    }
    QCOMPARE(ids, expectedIds);

    const BatchReader withSlash = BatchReader::open({root % u'/'});
    QCOMPARE(withSlash.size(), expectedIds.size());
    for (qsizetype i = 0; i < withSlash.size(); ++i) {
        QCOMPARE(entryOf(withSlash.read(i)).id, expectedIds.at(i));
    }
}

void TestBatchReader::folderUnitReadsTheFileBytes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QByteArray bytes = "\xef\xbb\xbf<model>NeuroFlex-7B</model>\r\n";
    writeFile(tmp.filePath(u"in/a.txt"_s), bytes);

    const BatchReader reader = BatchReader::open({tmp.filePath(u"in"_s)});
    QCOMPARE(reader.size(), 1);
    const SourceEntry entry = entryOf(reader.read(0));
    QCOMPARE(entry.source, bytes);
    QCOMPARE(entry.line, 0);
    QCOMPARE(entry.jsonLine, QByteArray());
    QCOMPARE(entry.textTokenBegin, -1);
}

void TestBatchReader::folderGivenAsRelativePathGivesRelativeIds()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir(tmp.path()).mkpath(u"batch/sub"_s));
    QFile file(tmp.filePath(u"batch/sub/a.txt"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("x");
    file.close();
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(tmp.path()));
    const BatchReader reader = BatchReader::open({u"batch"_s, u"./batch/"_s});
    QStringList ids;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        const ReadResult read = reader.read(unit);
        ids << (std::holds_alternative<SourceEntry>(read) ? std::get<SourceEntry>(read).id : u"?"_s);
    }
    QDir::setCurrent(previous);
    QCOMPARE(ids, QStringList({u"sub/a.txt"_s, u"sub/a.txt"_s}));
}

void TestBatchReader::symlinkedFilesAreListedButSymlinkedFoldersAreNotEntered()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"docs"_s);
    writeFile(root % u"/sub/a.txt", "a");
    writeFile(tmp.filePath(u"other/x.txt"_s), "x");
    writeFile(tmp.filePath(u"other/y.txt"_s), "y");
    QVERIFY(QFile::link(root, root % u"/sub/loop"));
    QVERIFY(QFile::link(tmp.filePath(u"other"_s), root % u"/outside"));
    QVERIFY(QFile::link(tmp.filePath(u"other/y.txt"_s), root % u"/linked.txt"));

    const BatchReader reader = BatchReader::open({root});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(summarize(reader), (QStringList{u"linked.txt|y"_s, u"sub/a.txt|a"_s}));
}

void TestBatchReader::unreadableFolderEntryIsReportedAndTheRestIsRead_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString &kind : annorev::test::unreadableEntryKinds) {
        QTest::addRow("%s", qPrintable(kind)) << kind;
    }
}

// These entries used to be left out without a word: a unit of their own now reports each when
// it is read, in batch order, and the documents around them still load.
void TestBatchReader::unreadableFolderEntryIsReportedAndTheRestIsRead()
{
    QFETCH(QString, kind);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"docs"_s);
    const auto removeTree = qScopeGuard([&tmp] { annorev::test::removeTree(tmp.path()); });
    writeFile(root % u"/a.txt", "a");
    writeFile(root % u"/z/b.txt", "b");
    const QStringList problems = annorev::test::makeUnreadableEntry(root, kind);
    QVERIFY(problems != QStringList{u"failed"_s});

    const BatchReader reader = BatchReader::open({root});
    QCOMPARE(errorStrings(reader), QStringList{});
    QStringList documents;
    QStringList reported;
    for (qsizetype unit = 0; unit < reader.size(); ++unit) {
        const ReadResult result = reader.read(unit);
        if (const auto *error = std::get_if<InputError>(&result)) {
            QVERIFY2(error->path.startsWith(root % u'/'), qPrintable(error->path));
            QCOMPARE(error->line, 0);
            reported << error->path.mid(root.size() + 1) % u": " % error->message;
        } else {
            const SourceEntry entry = entryOf(result);
            documents << entry.id % u'|' % QString::fromUtf8(entry.source);
        }
    }
    QCOMPARE(documents, (QStringList{u"a.txt|a"_s, u"z/b.txt|b"_s}));
    QCOMPARE(reported, problems);
}

void TestBatchReader::badNamesOfOtherFilesAreNotReported()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"docs"_s);
    const auto removeTree = qScopeGuard([&tmp] { annorev::test::removeTree(tmp.path()); });
    writeFile(root % u"/a.txt", "a");
    const QByteArray encoded = QFile::encodeName(root);
    for (const QByteArray &name : {QByteArray("/pic\xff.png"), QByteArray("/.hidden\xff.txt")}) {
        const int fd = ::open(QByteArray(encoded + name).constData(), O_CREAT | O_WRONLY, 0644);
        QVERIFY(fd >= 0);
        ::close(fd);
    }
    QVERIFY(QFile::link(root % u"/gone.png", root % u"/dangling.png"));
    const BatchReader reader = BatchReader::open({root});
    QCOMPARE(summarize(reader), QStringList{u"a.txt|a"_s});
}

void TestBatchReader::singleFileIdIsItsFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");

    QTest::addRow("txt") << u"doc.txt"_s << QByteArray("<model>A</model>");
    QTest::addRow("any extension") << u"doc.md"_s << QByteArray("# title");
    QTest::addRow("no extension") << u"README"_s << QByteArray("plain");
    QTest::addRow("BOM kept for a whole file") << u"bom.html"_s << QByteArray("\xef\xbb\xbf<p>x</p>");
    QTest::addRow("empty file") << u"empty.txt"_s << QByteArray();
    QTest::addRow("nested path, id is only the name") << u"deep/er/x.htm"_s << QByteArray("x");
}

void TestBatchReader::singleFileIdIsItsFileName()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(name);
    writeFile(path, bytes);

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 1);
    const SourceEntry entry = entryOf(reader.read(0));
    QCOMPARE(entry.id, QFileInfo(path).fileName());
    QCOMPARE(entry.path, path);
    QCOMPARE(entry.line, 0);
    QCOMPARE(entry.source, bytes);
    QCOMPARE(reader.totalBytes(), bytes.size());
}

void TestBatchReader::jsonlLineBecomesDocumentWithTextTokenRange_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expectedId");
    QTest::addColumn<QByteArray>("expectedSource");
    QTest::addColumn<QByteArray>("expectedToken");

    QTest::addRow("string id") << QByteArray(R"({"id":"doc-1","text":"<model>A</model>"})") << u"doc-1"_s
                               << QByteArray("<model>A</model>") << QByteArray(R"("<model>A</model>")");
    QTest::addRow("integer id uses its token") << QByteArray(R"({"id":42,"text":"t"})") << u"42"_s
                                               << QByteArray("t") << QByteArray(R"("t")");
    QTest::addRow("number id keeps its spelling")
        << QByteArray(R"({"id": -1.50E+3 ,"text":"t"})") << u"-1.50E+3"_s << QByteArray("t") << QByteArray(R"("t")");
    QTest::addRow("huge number id") << QByteArray(R"({"id":123456789012345678901234567890,"text":"t"})")
                                    << u"123456789012345678901234567890"_s << QByteArray("t") << QByteArray(R"("t")");
    QTest::addRow("missing id is file:line") << QByteArray(R"({"text":"t"})") << u"in.jsonl:1"_s << QByteArray("t")
                                             << QByteArray(R"("t")");
    QTest::addRow("escaped id is decoded") << QByteArray(R"({"id":"a\"b\u00e9","text":"t"})")
                                           << u"a\"b\u00e9"_s << QByteArray("t") << QByteArray(R"("t")");
    QTest::addRow("\\u003c escapes decoded")
        << QByteArray(R"({"id":"e","text":"\u003cmodel\u003eX\u003c/model\u003e"})") << u"e"_s
        << QByteArray("<model>X</model>") << QByteArray(R"("\u003cmodel\u003eX\u003c/model\u003e")");
    QTest::addRow("other escapes decoded")
        << QByteArray(R"({"id":"e","text":"a\"b\\c\/d\ne\tf\ud83d\ude00"})") << u"e"_s
        << QByteArray("a\"b\\c/d\ne\tf\xf0\x9f\x98\x80") << QByteArray(R"("a\"b\\c\/d\ne\tf\ud83d\ude00")");
    QTest::addRow("raw UTF-8 text") << QByteArray("{\"id\":\"u\",\"text\":\"caf\xc3\xa9 \xe2\x82\xac\"}") << u"u"_s
                                    << QByteArray("caf\xc3\xa9 \xe2\x82\xac")
                                    << QByteArray("\"caf\xc3\xa9 \xe2\x82\xac\"");
    QTest::addRow("metadata before and after text")
        << QByteArray(R"({"source":"web","id":"m","text":"t","tags":["a",{"b":null}],"n":1.5e-3,"ok":true})")
        << u"m"_s << QByteArray("t") << QByteArray(R"("t")");
    QTest::addRow("white space around the token")
        << QByteArray("  { \"text\" :\t\"spaced\"   , \"id\" : \"w\" }  ") << u"w"_s << QByteArray("spaced")
        << QByteArray(R"("spaced")");
    QTest::addRow("text is the last field, then white space")
        << QByteArray(R"({"id":"l","text":"end"   })") << u"l"_s << QByteArray("end") << QByteArray(R"("end")");
    QTest::addRow("empty text") << QByteArray(R"({"id":"z","text":""})") << u"z"_s << QByteArray()
                                << QByteArray(R"("")");
    QTest::addRow("escaped key still names text") << QByteArray(R"({"id":"k","t\u0065xt":"yes"})") << u"k"_s
                                                  << QByteArray("yes") << QByteArray(R"("yes")");
    QTest::addRow("deeply nested metadata") << QByteArray(R"({"m":[[[[{"a":[[]]}]]]],"id":"d","text":"t"})")
                                            << u"d"_s << QByteArray("t") << QByteArray(R"("t")");
}

void TestBatchReader::jsonlLineBecomesDocumentWithTextTokenRange()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expectedId);
    QFETCH(QByteArray, expectedSource);
    QFETCH(QByteArray, expectedToken);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"in.jsonl"_s);
    writeFile(path, line + '\n');

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 1);
    const SourceEntry entry = entryOf(reader.read(0));
    QCOMPARE(entry.id, expectedId);
    QCOMPARE(entry.path, path);
    QCOMPARE(entry.line, 1);
    QCOMPARE(entry.source, expectedSource);
    QCOMPARE(entry.jsonLine, line);
    QCOMPARE(entry.jsonLine.mid(entry.textTokenBegin, entry.textTokenEnd - entry.textTokenBegin), expectedToken);
}

void TestBatchReader::jsonlLineSplitting_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QByteArrayList>("expectedJsonLines");

    const QByteArray a = R"({"id":"a","text":"A"})";
    const QByteArray b = R"({"id":"b","text":"B"})";
    QTest::addRow("LF") << QByteArray(a + '\n' + b + '\n') << QStringList{u"a|A"_s, u"b|B"_s}
                        << QByteArrayList{a, b};
    QTest::addRow("CRLF, the CR is not part of the line")
        << QByteArray(a + "\r\n" + b + "\r\n") << QStringList{u"a|A"_s, u"b|B"_s} << QByteArrayList{a, b};
    QTest::addRow("BOM at file start") << QByteArray("\xef\xbb\xbf" + a + '\n' + b + '\n')
                                       << QStringList{u"a|A"_s, u"b|B"_s} << QByteArrayList{a, b};
    QTest::addRow("BOM and CRLF") << QByteArray("\xef\xbb\xbf" + a + "\r\n" + b)
                                  << QStringList{u"a|A"_s, u"b|B"_s} << QByteArrayList{a, b};
    QTest::addRow("last line without newline") << QByteArray(a + '\n' + b) << QStringList{u"a|A"_s, u"b|B"_s}
                                               << QByteArrayList{a, b};
    QTest::addRow("blank lines are units that give nothing")
        << QByteArray('\n' + a + "\n\n \t \r\n" + b + "\n   ")
        << QStringList{u"blank"_s, u"a|A"_s, u"blank"_s, u"blank"_s, u"b|B"_s, u"blank"_s}
        << QByteArrayList{a, b};
    QTest::addRow("default ids count blank lines") << QByteArray("\n{\"text\":\"x\"}\n\n{\"text\":\"y\"}\n")
                                                   << QStringList{u"blank"_s, u"in.jsonl:2|x"_s, u"blank"_s,
                                                                  u"in.jsonl:4|y"_s}
                                                   << QByteArrayList{"{\"text\":\"x\"}", "{\"text\":\"y\"}"};
    QTest::addRow("BOM only") << QByteArray("\xef\xbb\xbf") << QStringList{} << QByteArrayList{};
    QTest::addRow("empty file") << QByteArray() << QStringList{} << QByteArrayList{};
    QTest::addRow("BOM in the middle is not stripped")
        << QByteArray(a + "\n\xef\xbb\xbf" + b) << QStringList{u"a|A"_s, u"2:invalid JSON"_s} << QByteArrayList{a};
}

void TestBatchReader::jsonlLineSplitting()
{
    QFETCH(QByteArray, contents);
    QFETCH(QStringList, expected);
    QFETCH(QByteArrayList, expectedJsonLines);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"in.jsonl"_s);
    writeFile(path, contents);

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QStringList results = summarize(reader);
    for (QString &result : results) {
        if (result.startsWith(u"2:invalid JSON")) {
            result.truncate(14);
        }
    }
    QCOMPARE(results, expected);
    QByteArrayList jsonLines;
    for (qsizetype i = 0; i < reader.size(); ++i) {
        const ReadResult result = reader.read(i);
        if (const auto *entry = std::get_if<SourceEntry>(&result)) {
            jsonLines << entry->jsonLine;
        }
    }
    QCOMPARE(jsonLines, expectedJsonLines);
    QCOMPARE(reader.totalBytes(), contents.size());
}

void TestBatchReader::badLineIsReportedAtItsLineAndOthersLoad_data()
{
    QTest::addColumn<QByteArray>("badLine");
    QTest::addColumn<QString>("expectedMessage"); // a message ending in '*' is a prefix

    QTest::addRow("not JSON") << QByteArray("hello") << u"invalid JSON: *"_s;
    QTest::addRow("truncated object") << QByteArray(R"({"text":"a")") << u"invalid JSON: *"_s;
    QTest::addRow("unclosed string") << QByteArray(R"({"text":"a})") << u"invalid JSON: *"_s;
    QTest::addRow("missing comma") << QByteArray(R"({"id":"x" "text":"a"})") << u"invalid JSON: *"_s;
    QTest::addRow("trailing garbage") << QByteArray(R"({"text":"a"} x)") << u"invalid JSON: *"_s;
    QTest::addRow("two objects") << QByteArray(R"({"text":"a"}{"text":"b"})") << u"invalid JSON: *"_s;
    QTest::addRow("extra closing brace") << QByteArray(R"({"text":"a"}})") << u"invalid JSON: *"_s;
    QTest::addRow("bad literal in metadata") << QByteArray(R"({"text":"a","ok":tru})") << u"invalid JSON: *"_s;
    QTest::addRow("bad literal in nested metadata")
        << QByteArray(R"({"text":"a","m":[1,{"x":nul}]})") << u"invalid JSON: *"_s;
    QTest::addRow("bad number in metadata") << QByteArray(R"({"text":"a","n":01})") << u"invalid JSON: *"_s;
    QTest::addRow("bad number after the text") << QByteArray(R"({"text":"a","n":1.})") << u"invalid JSON: *"_s;
    QTest::addRow("bad escape in metadata") << QByteArray(R"({"text":"a","m":"\x"})") << u"invalid JSON: *"_s;
    QTest::addRow("bad escape in text") << QByteArray(R"({"text":"a\q"})") << u"invalid JSON: *"_s;
    QTest::addRow("raw control character in text") << QByteArray("{\"text\":\"a\tb\"}") << u"invalid JSON: *"_s;
    QTest::addRow("bad number id") << QByteArray(R"({"id":-,"text":"a"})") << u"invalid JSON: *"_s;
    QTest::addRow("array") << QByteArray(R"([{"text":"a"}])") << u"line is not a JSON object"_s;
    QTest::addRow("string") << QByteArray(R"("text")") << u"line is not a JSON object"_s;
    QTest::addRow("number") << QByteArray("12") << u"line is not a JSON object"_s;
    QTest::addRow("null") << QByteArray("null") << u"line is not a JSON object"_s;
    QTest::addRow("text missing") << QByteArray(R"({"id":"x","body":"a"})") << u"\"text\" is missing"_s;
    QTest::addRow("empty object") << QByteArray("{}") << u"\"text\" is missing"_s;
    QTest::addRow("text is a number") << QByteArray(R"({"text":5})") << u"\"text\" is not a string"_s;
    QTest::addRow("text is null") << QByteArray(R"({"text":null})") << u"\"text\" is not a string"_s;
    QTest::addRow("text is an object") << QByteArray(R"({"text":{"a":"b"}})") << u"\"text\" is not a string"_s;
    QTest::addRow("text twice") << QByteArray(R"({"text":"a","text":"b"})") << u"\"text\" appears more than once"_s;
    QTest::addRow("id is a boolean") << QByteArray(R"({"id":true,"text":"a"})")
                                     << u"\"id\" is not a string or a number"_s;
    QTest::addRow("id is an array") << QByteArray(R"({"id":["a"],"text":"a"})")
                                    << u"\"id\" is not a string or a number"_s;
}

void TestBatchReader::badLineIsReportedAtItsLineAndOthersLoad()
{
    QFETCH(QByteArray, badLine);
    QFETCH(QString, expectedMessage);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"batch.jsonl"_s);
    writeFile(path, R"({"id":"one","text":"1"})"
                    "\n" + badLine + "\n"
                    R"({"id":"three","text":"3"})"
                    "\n" + badLine + "\n"
                    R"({"id":"five","text":"5"})"
                    "\n");

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(errorStrings(reader), QStringList{});
    QCOMPARE(reader.size(), 5);
    QStringList ids;
    QList<InputError> errors;
    for (qsizetype i = 0; i < reader.size(); ++i) {
        const ReadResult result = reader.read(i);
        if (const auto *entry = std::get_if<SourceEntry>(&result)) {
            ids << entry->id;
        } else if (const auto *error = std::get_if<InputError>(&result)) {
            errors << *error;
        }
    }
    QCOMPARE(ids, (QStringList{u"one"_s, u"three"_s, u"five"_s}));
    QCOMPARE(errors.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const InputError &error = errors.at(i);
        const int line = 2 + 2 * i;
        QCOMPARE(error.path, path);
        QCOMPARE(error.line, line);
        const QString prefix = path % u':' % QString::number(line) % u": error: ";
        if (expectedMessage.endsWith(u'*')) {
            QVERIFY2(error.message.startsWith(expectedMessage.chopped(1)), qPrintable(error.message));
            QVERIFY2(error.message.size() > expectedMessage.size(), qPrintable(error.message));
            QVERIFY2(error.toString().startsWith(prefix), qPrintable(error.toString()));
        } else {
            QCOMPARE(error.toString(), prefix % expectedMessage);
        }
    }
}

void TestBatchReader::invalidUtf8InLineIsRepairedToReplacementCharacter_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("expectedSource");
    QTest::addColumn<QByteArray>("expectedJsonLine");

    QTest::addRow("lone continuation byte in text")
        << QByteArray("{\"id\":\"a\",\"text\":\"x\x80y\"}") << QByteArray("x\xef\xbf\xbdy")
        << QByteArray("{\"id\":\"a\",\"text\":\"x\xef\xbf\xbdy\"}");
    QTest::addRow("truncated sequence is one replacement")
        << QByteArray("{\"id\":\"a\",\"text\":\"x\xe2\x82y\"}") << QByteArray("x\xef\xbf\xbdy")
        << QByteArray("{\"id\":\"a\",\"text\":\"x\xef\xbf\xbdy\"}");
    QTest::addRow("overlong encoding is two replacements")
        << QByteArray("{\"id\":\"a\",\"text\":\"\xc0\xaf\"}") << QByteArray("\xef\xbf\xbd\xef\xbf\xbd")
        << QByteArray("{\"id\":\"a\",\"text\":\"\xef\xbf\xbd\xef\xbf\xbd\"}");
    QTest::addRow("invalid byte in metadata before the text")
        << QByteArray("{\"id\":\"a\",\"note\":\"\xff\xfe\",\"text\":\"ok\"}") << QByteArray("ok")
        << QByteArray("{\"id\":\"a\",\"note\":\"\xef\xbf\xbd\xef\xbf\xbd\",\"text\":\"ok\"}");
    QTest::addRow("valid U+FFFD stays as it is")
        << QByteArray("{\"id\":\"a\",\"text\":\"\xef\xbf\xbd\xf5\"}") << QByteArray("\xef\xbf\xbd\xef\xbf\xbd")
        << QByteArray("{\"id\":\"a\",\"text\":\"\xef\xbf\xbd\xef\xbf\xbd\"}");
}

void TestBatchReader::invalidUtf8InLineIsRepairedToReplacementCharacter()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, expectedSource);
    QFETCH(QByteArray, expectedJsonLine);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"in.jsonl"_s);
    writeFile(path, line + "\r\n" + R"({"id":"b","text":"fine"})" + "\n");

    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(reader.size(), 2);
    const SourceEntry entry = entryOf(reader.read(0));
    QCOMPARE(entry.id, u"a"_s);
    QCOMPARE(entry.source, expectedSource);
    QCOMPARE(entry.jsonLine, expectedJsonLine);
    const QByteArray token = entry.jsonLine.mid(entry.textTokenBegin, entry.textTokenEnd - entry.textTokenBegin);
    QCOMPARE(token, '"' + expectedSource + '"');
    QCOMPARE(entryOf(reader.read(1)).source, QByteArray("fine"));
}

void TestBatchReader::missingPathIsReportedAndOtherInputsStillLoad_data()
{
    QTest::addColumn<QString>("badInput"); // relative to the temporary folder
    QTest::addColumn<QString>("expectedMessage");

    QTest::addRow("missing file") << u"nope.txt"_s << u"cannot read: no such file or directory"_s;
    QTest::addRow("missing JSON Lines file") << u"nope.jsonl"_s << u"cannot read: no such file or directory"_s;
    QTest::addRow("missing folder") << u"nope/"_s << u"cannot read: no such file or directory"_s;
    QTest::addRow("file in a missing folder") << u"no/such/dir/file.txt"_s
                                              << u"cannot read: no such file or directory"_s;
    QTest::addRow("file path through a file") << u"good.txt/inner.txt"_s
                                              << u"cannot read: no such file or directory"_s;
    QTest::addRow("dangling symlink") << u"dangling.txt"_s << u"cannot read: no such file or directory"_s;
}

void TestBatchReader::missingPathIsReportedAndOtherInputsStillLoad()
{
    QFETCH(QString, badInput);
    QFETCH(QString, expectedMessage);

    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    writeFile(tmp.filePath(u"good.txt"_s), "g");
    writeFile(tmp.filePath(u"lines.jsonl"_s), R"({"id":"l","text":"L"})");
    writeFile(tmp.filePath(u"folder/f.txt"_s), "f");
    QVERIFY(QFile::link(tmp.filePath(u"gone.txt"_s), tmp.filePath(u"dangling.txt"_s)));
    const QString bad = tmp.filePath(badInput);

    const BatchReader reader = BatchReader::open(
        {tmp.filePath(u"good.txt"_s), bad, tmp.filePath(u"lines.jsonl"_s), tmp.filePath(u"folder"_s)});
    QCOMPARE(errorStrings(reader), QStringList{bad % u": error: " % expectedMessage});
    QCOMPARE(reader.errors().constFirst().path, bad);
    QCOMPARE(reader.errors().constFirst().line, 0);
    QCOMPARE(summarize(reader), (QStringList{u"good.txt|g"_s, u"l|L"_s, u"f.txt|f"_s}));
}

void TestBatchReader::fileVanishedBeforeReadGivesReadError()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString root = tmp.filePath(u"docs"_s);
    writeFile(root % u"/a.txt", "a");
    writeFile(root % u"/b.txt", "b");

    const BatchReader reader = BatchReader::open({root});
    QCOMPARE(reader.size(), 2);
    QVERIFY(QFile::remove(root % u"/a.txt"));
    const ReadResult result = reader.read(0);
    const auto *error = std::get_if<InputError>(&result);
    QVERIFY2(error, qPrintable(describe(result)));
    QCOMPARE(error->path, root % u"/a.txt");
    QCOMPARE(error->line, 0);
    QVERIFY2(error->message.startsWith(u"cannot read: "), qPrintable(error->message));
    QCOMPARE(entryOf(reader.read(1)).source, QByteArray("b"));
}

// Lines lost after opening are errors at their file and line (a mapping crashed); the rest read.
void TestBatchReader::linesAJsonLinesFileLostAfterOpeningAreReadErrorsAtTheirLines()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString path = tmp.filePath(u"b.jsonl"_s);
    const QByteArray first = R"({"id": "a", "text": "A"})"
                             "\n";
    writeFile(path, first + R"({"id": "b", "text": "B"})"
                            "\n"
                            R"({"id": "c", "text": "C"})"
                            "\n");
    const BatchReader reader = BatchReader::open({path});
    QCOMPARE(reader.size(), 3);
    QVERIFY(QFile::resize(path, first.size()));
    // On a new thread: this one keeps the bytes it read ahead while opening, as they were then.
    const auto readElsewhere = [&reader](qsizetype unit) {
        ReadResult result;
        std::thread([&] { result = reader.read(unit); }).join();
        return result;
    };
    QCOMPARE(entryOf(readElsewhere(0)).id, u"a"_s);
    for (const int line : {2, 3}) {
        const ReadResult result = readElsewhere(line - 1);
        const auto *error = std::get_if<InputError>(&result);
        QVERIFY2(error, qPrintable(describe(result)));
        QCOMPARE(error->toString(), path % u':' % QString::number(line) %
                                        u": error: cannot read: the file is shorter than when the batch was "
                                        u"opened; open it again");
    }
}

void TestBatchReader::totalBytesIsTheSumOfInputFileSizes()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    writeFile(tmp.filePath(u"one.md"_s), QByteArray(10, 'x'));
    writeFile(tmp.filePath(u"lines.jsonl"_s), QByteArray("{\"text\":\"ab\"}\n\n"));
    writeFile(tmp.filePath(u"dir/a.txt"_s), QByteArray(100, 'a'));
    writeFile(tmp.filePath(u"dir/b/c.HTML"_s), QByteArray(1000, 'c'));
    writeFile(tmp.filePath(u"dir/ignored.jsonl"_s), QByteArray(5000, 'i'));

    const BatchReader reader = BatchReader::open(
        {tmp.filePath(u"one.md"_s), tmp.filePath(u"lines.jsonl"_s), tmp.filePath(u"dir"_s), tmp.filePath(u"x"_s)});
    QCOMPARE(reader.errors().size(), 1);
    QCOMPARE(reader.size(), 1 + 2 + 2);
    QCOMPARE(reader.totalBytes(), 10 + 15 + 100 + 1000);
}

void TestBatchReader::inputErrorPrintsLikeACompiler_data()
{
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("expected");

    QTest::addRow("with line") << 7 << u"in/b.jsonl:7: error: \"text\" is missing"_s;
    QTest::addRow("whole file") << 0 << u"in/b.jsonl: error: \"text\" is missing"_s;
}

void TestBatchReader::inputErrorPrintsLikeACompiler()
{
    QFETCH(int, line);
    QFETCH(QString, expected);
    QCOMPARE((InputError{u"in/b.jsonl"_s, line, u"\"text\" is missing"_s}.toString()), expected);
}

void TestBatchReader::concurrentReadsMatchSequentialReads()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QByteArray contents;
    for (int i = 0; i < 2000; ++i) {
        switch (i % 7) {
        case 0:
            contents += "{\"id\":" + QByteArray::number(i) + ",\"text\":\"<model>M" + QByteArray::number(i)
                        + "</model> \\u003cb\\u003e\",\"meta\":{\"k\":[1,2,3]}}\n";
            break;
        case 1:
            contents += "\n";
            break;
        case 2:
            contents += "{\"text\":\"no id " + QByteArray(i % 50, 'x') + "\"}\r\n";
            break;
        case 3:
            contents += "{\"id\":\"bad" + QByteArray::number(i) + "\"}\n";
            break;
        case 4:
            contents += "{\"id\":\"u" + QByteArray::number(i) + "\",\"text\":\"bad \xff byte\"}\n";
            break;
        case 5:
            contents += "{\"text\":\"a\"} trailing\n";
            break;
        default:
            contents += "{\"id\":\"s" + QByteArray::number(i) + "\",\"text\":\"" + QByteArray(i, 'y') + "\"}\n";
            break;
        }
    }
    const QString jsonl = tmp.filePath(u"big.jsonl"_s);
    writeFile(jsonl, contents);
    for (int i = 0; i < 20; ++i) {
        writeFile(tmp.filePath(u"dir/f%1.txt"_s.arg(i)), QByteArray(i * 10, 'f'));
    }

    const BatchReader reader = BatchReader::open({jsonl, tmp.filePath(u"dir"_s)});
    QCOMPARE(reader.size(), 2020);

    QList<qsizetype> units(reader.size());
    std::iota(units.begin(), units.end(), 0);
    QStringList sequential;
    for (qsizetype unit : units) {
        sequential << describe(reader.read(unit));
    }
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    const QStringList concurrent = QtConcurrent::blockingMapped<QStringList>(
        &pool, units, [&reader](qsizetype unit) { return describe(reader.read(unit)); });
    QCOMPARE(concurrent, sequential);
    QCOMPARE(sequential.filter(u"error "_s).size(), 2 * 2000 / 7);
    QCOMPARE(sequential.count(u"blank"_s), 2000 / 7 + 1);
}

QTEST_GUILESS_MAIN(TestBatchReader)

// Lines over 16 MB make the JSON parsers drop their buffers and the reader let go of the bytes it
// read after each read: every line must still read whole, in any order and more than once.
void TestBatchReader::hugeLinesReadAgainAfterTheirBuffersAndPagesAreGiven_data()
{
    QTest::addColumn<bool>("doccano");
    QTest::addRow("JSON Lines") << false;
    QTest::addRow("doccano") << true;
}

void TestBatchReader::hugeLinesReadAgainAfterTheirBuffersAndPagesAreGiven()
{
    QFETCH(bool, doccano);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const qsizetype size = 17 * 1024 * 1024;
    QList<QByteArray> texts;
    QByteArray contents;
    for (int i = 0; i < 3; ++i) {
        const QByteArray word = "w" + QByteArray::number(i) + ' ';
        QByteArray text = word.repeated(i == 1 ? 3 : size / word.size());
        text += "Model" + QByteArray::number(i);
        texts << text;
        if (doccano) {
            contents += "{\"text\":\"" + text + "\",\"label\":[]}\n";
        } else {
            contents += "{\"id\":\"d" + QByteArray::number(i) + "\",\"text\":\"" + text + "\"}\n";
        }
    }
    const QString path = tmp.filePath(u"huge.jsonl"_s);
    writeFile(path, contents);

    const BatchReader reader = BatchReader::open({path});
    QVERIFY(reader.errors().isEmpty());
    QCOMPARE(reader.size(), 3);
    for (const qsizetype i : {0, 2, 1, 0, 2}) {
        const SourceEntry entry = entryOf(reader.read(i));
        QCOMPARE(entry.layout, doccano ? BatchLayout::Doccano : BatchLayout::JsonLines);
        QCOMPARE(entry.source.size(), texts.at(i).size());
        QVERIFY2(entry.source == texts.at(i), qPrintable(u"line %1"_s.arg(i + 1)));
    }
}

#include "tst_batchreader.moc"
