#include "valuenormalizer.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace annorev;

namespace {

// QCOMPARE on doubles is fuzzy; the params examples must be the correctly rounded value.
QString exactly(double value)
{
    return QString::number(value, 'g', 17);
}

// QCOMPARE cannot print a std::optional, so a rejection test says what was parsed instead.
QByteArray parsedAs(std::optional<double> value)
{
    return value ? "parsed as " + QByteArray::number(*value, 'g', 17) : QByteArray();
}

QByteArray parsedAs(std::optional<qint64> value)
{
    return value ? "parsed as " + QByteArray::number(*value) : QByteArray();
}

QByteArray parsedAs(std::optional<int> value)
{
    return value ? "parsed as " + QByteArray::number(*value) : QByteArray();
}

} // namespace

class TestValueNormalizer : public QObject
{
    Q_OBJECT

private slots:
    void paramsNormalisesToCount_data();
    void paramsNormalisesToCount();
    void paramsRejectsRanges_data();
    void paramsRejectsRanges();
    void paramsRejectsMalformedText_data();
    void paramsRejectsMalformedText();

    void gpuCountReadsGroupedDigits_data();
    void gpuCountReadsGroupedDigits();
    void gpuCountRejectsAnythingElse_data();
    void gpuCountRejectsAnythingElse();

    void trainingNormalisesToHours_data();
    void trainingNormalisesToHours();
    void trainingRejectsRangesAndUnknownUnits_data();
    void trainingRejectsRangesAndUnknownUnits();

    void yearReadsDigits_data();
    void yearReadsDigits();
    void yearRejectsAnythingButDigits_data();
    void yearRejectsAnythingButDigits();

    void hardwareDropsCountAndAcceleratorWord_data();
    void hardwareDropsCountAndAcceleratorWord();

    void leadingCountFindsCountAndName_data();
    void leadingCountFindsCountAndName();
    void leadingCountRejectsTextWithoutSeparateCount_data();
    void leadingCountRejectsTextWithoutSeparateCount();

    void modelNameSizeReadsLastSizeToken_data();
    void modelNameSizeReadsLastSizeToken();
    void modelNameSizeIgnoresGluedOrMissingTokens_data();
    void modelNameSizeIgnoresGluedOrMissingTokens();

    void numberWordReadsOneToTwenty_data();
    void numberWordReadsOneToTwenty();
    void numberWordRejectsOtherWords_data();
    void numberWordRejectsOtherWords();
};

void TestValueNormalizer::paramsNormalisesToCount_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("expected");

    QTest::addRow("billion word and parameters") << u"7.2 billion parameters"_s << 7.2e9;
    QTest::addRow("trillion word") << u"1.8 trillion"_s << 1.8e12;
    QTest::addRow("glued B") << u"65B"_s << 6.5e10;
    QTest::addRow("glued M") << u"350M"_s << 3.5e8;
    QTest::addRow("spaced B") << u"1.5 B"_s << 1.5e9;
    QTest::addRow("no-break space before B") << u"1.5\u00A0B"_s << 1.5e9;
    QTest::addRow("thousands commas") << u"175,000,000"_s << 1.75e8;
    QTest::addRow("thousands commas and parameters") << u"175,000,000 parameters"_s << 1.75e8;
    QTest::addRow("exponent") << u"7.2e9"_s << 7.2e9;
    QTest::addRow("upper-case exponent with sign") << u"7.2E+9"_s << 7.2e9;
    QTest::addRow("integer billion parameters") << u"65 billion parameters"_s << 6.5e10;
    QTest::addRow("decimal billion") << u"12.3 billion"_s << 1.23e10;
    QTest::addRow("number word") << u"twelve billion"_s << 1.2e10;
    QTest::addRow("capitalised number word") << u"Twenty Million"_s << 2e7;
    QTest::addRow("about and number word") << u"about twelve billion"_s << 1.2e10;
    QTest::addRow("approximately") << u"approximately 7B"_s << 7e9;
    QTest::addRow("capitalised About") << u"About 7 billion parameters"_s << 7e9;
    QTest::addRow("glued tilde") << u"~7B"_s << 7e9;
    QTest::addRow("spaced tilde") << u"~ 7B"_s << 7e9;
    QTest::addRow("thousand") << u"800 thousand"_s << 8e5;
    QTest::addRow("K") << u"125K"_s << 1.25e5;
    QTest::addRow("lower-case k") << u"125k params"_s << 1.25e5;
    QTest::addRow("million") << u"350 million"_s << 3.5e8;
    QTest::addRow("mn") << u"350mn"_s << 3.5e8;
    QTest::addRow("lower-case m") << u"350 m"_s << 3.5e8;
    QTest::addRow("bn") << u"13bn parameters"_s << 1.3e10;
    QTest::addRow("lower-case b") << u"13b"_s << 1.3e10;
    QTest::addRow("T") << u"1.8T"_s << 1.8e12;
    QTest::addRow("upper-case word") << u"7 BILLION"_s << 7e9;
    QTest::addRow("mixed-case words") << u"7 bIlLiOn PaRaMeTeRs"_s << 7e9;
    QTest::addRow("KELVIN SIGN folds to k") << u"125\u212A params"_s << 1.25e5;
    QTest::addRow("singular parameter") << u"1 billion parameter"_s << 1e9;
    QTest::addRow("params") << u"7B params"_s << 7e9;
    QTest::addRow("surrounding white space") << u"  7.2 billion parameters\n"_s << 7.2e9;
    QTest::addRow("plain count") << u"124000000"_s << 1.24e8;
    QTest::addRow("decimal with commas") << u"1,234.5 million"_s << 1.2345e9;
    // 4.1 * 1e9 and the like are one unit in the last place off the nearest double.
    QTest::addRow("4.1 billion is exact") << u"4.1 billion"_s << 4.1e9;
    QTest::addRow("8.2M is exact") << u"8.2M"_s << 8.2e6;
    QTest::addRow("0.27T is exact") << u"0.27T"_s << 2.7e11;
}

void TestValueNormalizer::paramsNormalisesToCount()
{
    QFETCH(QString, text);
    QFETCH(double, expected);

    const auto actual = ValueNormalizer::params(text);
    QVERIFY(actual);
    QCOMPARE(exactly(*actual), exactly(expected));
}

void TestValueNormalizer::paramsRejectsRanges_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("hyphen") << u"7-13B"_s;
    QTest::addRow("en dash") << u"7\u201313B"_s;
    QTest::addRow("spaced hyphen") << u"7 - 13 billion"_s;
    QTest::addRow("to") << u"7 to 13 billion"_s;
    QTest::addRow("to with suffixes") << u"7B to 13B"_s;
    QTest::addRow("number words") << u"seven to thirteen billion"_s;
}

void TestValueNormalizer::paramsRejectsRanges()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::params(text);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

void TestValueNormalizer::paramsRejectsMalformedText_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("white space") << u"   "_s;
    QTest::addRow("short comma group") << u"1,75"_s;
    QTest::addRow("short comma group with multiplier") << u"1,75 billion"_s;
    QTest::addRow("long comma group") << u"1,2345"_s;
    QTest::addRow("long leading group") << u"1234,567"_s;
    QTest::addRow("trailing comma") << u"1,000,"_s;
    QTest::addRow("negative") << u"-7B"_s;
    QTest::addRow("negative after about") << u"about -7B"_s;
    QTest::addRow("explicit plus") << u"+7B"_s;
    QTest::addRow("trailing words") << u"7B models"_s;
    QTest::addRow("trailing period") << u"7B."_s;
    QTest::addRow("words after parameters") << u"7 billion parameters total"_s;
    QTest::addRow("parameters glued") << u"7Bparameters"_s;
    QTest::addRow("unknown multiplier") << u"7 gazillion"_s;
    QTest::addRow("two multipliers") << u"7 thousand million"_s;
    QTest::addRow("exponent and multiplier") << u"7.2e9 billion"_s;
    QTest::addRow("incomplete exponent") << u"7e"_s;
    QTest::addRow("bare decimal point") << u"7.B"_s;
    QTest::addRow("leading decimal point") << u".5B"_s;
    QTest::addRow("multiplier only") << u"billion"_s;
    QTest::addRow("prefix only") << u"about"_s;
    QTest::addRow("tilde only") << u"~"_s;
    QTest::addRow("glued word prefix") << u"approximately7B"_s;
    QTest::addRow("two prefixes") << u"about ~7B"_s;
    QTest::addRow("number word beyond twenty") << u"thirty billion"_s;
    QTest::addRow("glued number word") << u"twelvebillion"_s;
    QTest::addRow("article") << u"a billion"_s;
    QTest::addRow("exponent overflow") << u"1e999"_s;
}

void TestValueNormalizer::paramsRejectsMalformedText()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::params(text);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

void TestValueNormalizer::gpuCountReadsGroupedDigits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");

    QTest::addRow("digits") << u"256"_s << qint64(256);
    QTest::addRow("thousands comma") << u"1,024"_s << qint64(1024);
    QTest::addRow("two commas") << u"1,000,000"_s << qint64(1000000);
    QTest::addRow("surrounding white space") << u" 512\t"_s << qint64(512);
    QTest::addRow("zero") << u"0"_s << qint64(0);
    QTest::addRow("largest qint64") << u"9223372036854775807"_s << std::numeric_limits<qint64>::max();
}

void TestValueNormalizer::gpuCountReadsGroupedDigits()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);

    const auto parsed = ValueNormalizer::gpuCount(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
}

void TestValueNormalizer::gpuCountRejectsAnythingElse_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("unit") << u"512 GPUs"_s;
    QTest::addRow("approximate") << u"about 256"_s;
    QTest::addRow("decimal") << u"2.5"_s;
    QTest::addRow("negative") << u"-4"_s;
    QTest::addRow("plus") << u"+4"_s;
    QTest::addRow("space-grouped") << u"4 096"_s;
    QTest::addRow("short comma group") << u"1,02"_s;
    QTest::addRow("trailing comma") << u"1,024,"_s;
    QTest::addRow("number word") << u"eight"_s;
    QTest::addRow("one past qint64") << u"9223372036854775808"_s;
    QTest::addRow("40 digits") << u"1234567890123456789012345678901234567890"_s;
    QTest::addRow("40 digits with commas") << u"1,234,567,890,123,456,789,012,345,678,901,234,567,890"_s;
}

void TestValueNormalizer::gpuCountRejectsAnythingElse()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::gpuCount(text);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

void TestValueNormalizer::trainingNormalisesToHours_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<double>("hours");
    QTest::addColumn<bool>("approximate");

    QTest::addRow("days") << u"21 days"_s << 504.0 << false;
    QTest::addRow("approximately weeks") << u"approximately 6 weeks"_s << 1008.0 << true;
    QTest::addRow("decimal months") << u"3.5 months"_s << 3.5 * 30.44 * 24 << false;
    QTest::addRow("one year") << u"1 year"_s << 8766.0 << false;
    QTest::addRow("hours") << u"36 hours"_s << 36.0 << false;
    QTest::addRow("number word") << u"two weeks"_s << 336.0 << false;
    QTest::addRow("about") << u"about 3 months"_s << 3 * 30.44 * 24 << true;
    QTest::addRow("glued tilde") << u"~36h"_s << 36.0 << true;
    QTest::addRow("spaced tilde") << u"~ 2 weeks"_s << 336.0 << true;
    QTest::addRow("hour") << u"1 hour"_s << 1.0 << false;
    QTest::addRow("hr") << u"12 hr"_s << 12.0 << false;
    QTest::addRow("hrs") << u"12 hrs"_s << 12.0 << false;
    QTest::addRow("h") << u"12 h"_s << 12.0 << false;
    QTest::addRow("day") << u"1 day"_s << 24.0 << false;
    QTest::addRow("week") << u"1 week"_s << 168.0 << false;
    QTest::addRow("month") << u"1 month"_s << 30.44 * 24 << false;
    QTest::addRow("years") << u"2 years"_s << 2 * 8766.0 << false;
    QTest::addRow("capitalised") << u"About Twenty Days"_s << 480.0 << true;
    QTest::addRow("thousands comma") << u"1,000 hours"_s << 1000.0 << false;
    QTest::addRow("glued unit") << u"21days"_s << 504.0 << false;
    QTest::addRow("article a") << u"a week"_s << 168.0 << false;
    QTest::addRow("article an") << u"an hour"_s << 1.0 << false;
    QTest::addRow("surrounding white space") << u"\n 21 days "_s << 504.0 << false;
}

void TestValueNormalizer::trainingNormalisesToHours()
{
    QFETCH(QString, text);
    QFETCH(double, hours);
    QFETCH(bool, approximate);

    const auto actual = ValueNormalizer::training(text);
    QVERIFY(actual);
    QCOMPARE(actual->hours, hours);
    QCOMPARE(actual->approximate, approximate);
}

void TestValueNormalizer::trainingRejectsRangesAndUnknownUnits_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("hyphen range") << u"2-3 weeks"_s;
    QTest::addRow("en dash range") << u"2\u20133 weeks"_s;
    QTest::addRow("to range") << u"2 to 3 weeks"_s;
    QTest::addRow("no unit") << u"21"_s;
    QTest::addRow("unit only") << u"weeks"_s;
    QTest::addRow("prefix only") << u"approximately"_s;
    QTest::addRow("unknown unit") << u"21 fortnights"_s;
    QTest::addRow("minutes are not a unit") << u"90 minutes"_s;
    QTest::addRow("trailing words") << u"21 days of training"_s;
    QTest::addRow("trailing period") << u"21 days."_s;
    QTest::addRow("negative") << u"-3 days"_s;
    QTest::addRow("glued number word") << u"twoweeks"_s;
    QTest::addRow("number word beyond twenty") << u"thirty days"_s;
    QTest::addRow("exponent") << u"1e3 hours"_s;
    QTest::addRow("short comma group") << u"1,00 hours"_s;
    // Found by tests/fuzz/fuzz_valuenormalizer: 306 digits fit a double, their hours did not (inf).
    QTest::addRow("years beyond a double's hours") << QString(306, u'9') + u" years"_s;
}

void TestValueNormalizer::trainingRejectsRangesAndUnknownUnits()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::training(text);
    QVERIFY2(!parsed, parsedAs(parsed ? std::optional(parsed->hours) : std::nullopt).constData());
}

void TestValueNormalizer::yearReadsDigits_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("expected");

    QTest::addRow("recent") << u"2023"_s << 2023;
    QTest::addRow("implausible is still a year") << u"1066"_s << 1066;
    QTest::addRow("surrounding white space") << u" 2021\n"_s << 2021;
    QTest::addRow("largest int") << u"2147483647"_s << std::numeric_limits<int>::max();
}

void TestValueNormalizer::yearReadsDigits()
{
    QFETCH(QString, text);
    QFETCH(int, expected);

    const auto parsed = ValueNormalizer::year(text);
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
}

void TestValueNormalizer::yearRejectsAnythingButDigits_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("preposition") << u"in 2023"_s;
    QTest::addRow("suffix") << u"2023a"_s;
    QTest::addRow("abbreviated") << u"'23"_s;
    QTest::addRow("thousands comma") << u"2,023"_s;
    QTest::addRow("decimal") << u"2023.0"_s;
    QTest::addRow("negative") << u"-2023"_s;
    QTest::addRow("one past int") << u"2147483648"_s;
    QTest::addRow("40 digits") << u"2023202320232023202320232023202320232023"_s;
}

void TestValueNormalizer::yearRejectsAnythingButDigits()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::year(text);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

void TestValueNormalizer::hardwareDropsCountAndAcceleratorWord_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::addRow("count and GPUs") << u"768 NVIDIA A100 GPUs"_s << u"NVIDIA A100"_s;
    QTest::addRow("size in the name") << u"NVIDIA A100 80GB GPUs"_s << u"NVIDIA A100 80GB"_s;
    QTest::addRow("chips") << u"TPU v4 chips"_s << u"TPU v4"_s;
    QTest::addRow("name only") << u"NVIDIA A100"_s << u"NVIDIA A100"_s;
    QTest::addRow("model number alone") << u"A100"_s << u"A100"_s;
    QTest::addRow("glued x") << u"8x A100"_s << u"A100"_s;
    QTest::addRow("spaced x") << u"8 x A100"_s << u"A100"_s;
    QTest::addRow("multiplication sign") << u"8\u00D7 A100"_s << u"A100"_s;
    QTest::addRow("glued multiplication sign") << u"8\u00D7A100"_s << u"A100"_s;
    QTest::addRow("x glued to both sides") << u"8xA100-80GB"_s << u"A100-80GB"_s;
    QTest::addRow("multiplication sign glued to both sides") << u"64\u00D7H100"_s << u"H100"_s;
    QTest::addRow("upper-case X glued to both sides") << u"8XH100 GPUs"_s << u"H100"_s;
    QTest::addRow("name starting with X") << u"X100"_s << u"X100"_s;
    QTest::addRow("x after the name") << u"H100x"_s << u"H100x"_s;
    QTest::addRow("x between digits is a shape") << u"4x4 TPU v3 slice"_s << u"4x4 TPU v3 slice"_s;
    QTest::addRow("x before a lower-case word") << u"24xlarge"_s << u"24xlarge"_s;
    QTest::addRow("thousands comma") << u"1,024 H100 GPUs"_s << u"H100"_s;
    QTest::addRow("singular GPU") << u"1 NVIDIA H100 GPU"_s << u"NVIDIA H100"_s;
    QTest::addRow("chip") << u"Cerebras WSE-2 chip"_s << u"Cerebras WSE-2"_s;
    QTest::addRow("accelerators") << u"64 Gaudi2 accelerators"_s << u"Gaudi2"_s;
    QTest::addRow("accelerator") << u"Gaudi2 accelerator"_s << u"Gaudi2"_s;
    QTest::addRow("upper-case word") << u"TPU v4 CHIPS"_s << u"TPU v4"_s;
    QTest::addRow("only one trailing word") << u"A100 GPU GPUs"_s << u"A100 GPU"_s;
    QTest::addRow("only one leading count") << u"8 8 A100"_s << u"8 A100"_s;
    QTest::addRow("word not whole") << u"NVIDIA A100-GPUs"_s << u"NVIDIA A100-GPUs"_s;
    QTest::addRow("glued size is not a count") << u"80GB GPUs"_s << u"80GB"_s;
    QTest::addRow("decimal is not a count") << u"2.5 GPUs"_s << u"2.5"_s;
    QTest::addRow("lone accelerator word kept") << u"768 GPUs"_s << u"GPUs"_s;
    QTest::addRow("surrounding white space") << u"  768  NVIDIA A100  GPUs \n"_s << u"NVIDIA A100"_s;
    QTest::addRow("empty") << QString() << QString();
}

void TestValueNormalizer::hardwareDropsCountAndAcceleratorWord()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QCOMPARE(ValueNormalizer::hardware(text), expected);
}

void TestValueNormalizer::leadingCountFindsCountAndName_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<qsizetype>("length");
    QTest::addColumn<qsizetype>("nameBegin");

    QTest::addRow("count and space") << u"768 NVIDIA A100 GPUs"_s << qint64(768) << qsizetype(3) << qsizetype(4);
    QTest::addRow("glued x") << u"8x A100"_s << qint64(8) << qsizetype(1) << qsizetype(3);
    QTest::addRow("spaced x") << u"8 x A100"_s << qint64(8) << qsizetype(1) << qsizetype(4);
    QTest::addRow("upper-case X") << u"8X A100"_s << qint64(8) << qsizetype(1) << qsizetype(3);
    QTest::addRow("multiplication sign") << u"8\u00D7 A100"_s << qint64(8) << qsizetype(1) << qsizetype(3);
    QTest::addRow("glued multiplication sign") << u"8\u00D7A100"_s << qint64(8) << qsizetype(1) << qsizetype(2);
    QTest::addRow("x glued to both sides") << u"8xA100-80GB"_s << qint64(8) << qsizetype(1) << qsizetype(2);
    QTest::addRow("multiplication sign glued to both sides")
        << u"64\u00D7H100"_s << qint64(64) << qsizetype(2) << qsizetype(3);
    QTest::addRow("upper-case X glued to both sides") << u"8XH100"_s << qint64(8) << qsizetype(1) << qsizetype(2);
    QTest::addRow("thousands comma") << u"1,024 H100 GPUs"_s << qint64(1024) << qsizetype(5) << qsizetype(6);
    QTest::addRow("several spaces") << u"16   TPUs"_s << qint64(16) << qsizetype(2) << qsizetype(5);
    QTest::addRow("x starting the name") << u"8 xPU"_s << qint64(8) << qsizetype(1) << qsizetype(2);
}

void TestValueNormalizer::leadingCountFindsCountAndName()
{
    QFETCH(QString, text);
    QFETCH(qint64, value);
    QFETCH(qsizetype, length);
    QFETCH(qsizetype, nameBegin);

    const auto count = ValueNormalizer::leadingCount(text);
    QVERIFY(count);
    QCOMPARE(count->value, value);
    QCOMPARE(count->length, length);
    QCOMPARE(count->nameBegin, nameBegin);
}

void TestValueNormalizer::leadingCountRejectsTextWithoutSeparateCount_data()
{
    QTest::addColumn<QString>("text");

    QTest::addRow("empty") << QString();
    QTest::addRow("model number") << u"A100"_s;
    QTest::addRow("glued size") << u"80GB GPUs"_s;
    QTest::addRow("hyphenated") << u"8-GPU node"_s;
    QTest::addRow("decimal") << u"2.5 GPUs"_s;
    QTest::addRow("count only") << u"768"_s;
    QTest::addRow("x without a name") << u"8x"_s;
    QTest::addRow("x glued to a lower-case word") << u"8xlarge nodes"_s;
    QTest::addRow("x between digits") << u"4x4 TPU v3 slice"_s;
    QTest::addRow("name starting with X") << u"X100"_s;
    QTest::addRow("x after the name") << u"H100x"_s;
    QTest::addRow("short comma group") << u"1,02 H100"_s;
    QTest::addRow("overflow") << u"99999999999999999999 A100"_s;
    QTest::addRow("leading white space") << u" 8 A100"_s;
}

void TestValueNormalizer::leadingCountRejectsTextWithoutSeparateCount()
{
    QFETCH(QString, text);

    const auto parsed = ValueNormalizer::leadingCount(text);
    QVERIFY2(!parsed, parsedAs(parsed ? std::optional(parsed->value) : std::nullopt).constData());
}

void TestValueNormalizer::modelNameSizeReadsLastSizeToken_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("expected");

    QTest::addRow("billions") << u"NeuroFlex-7B"_s << 7e9;
    QTest::addRow("two digits") << u"NeuralReasoner-12B"_s << 1.2e10;
    QTest::addRow("decimal") << u"X-1.3B"_s << 1.3e9;
    QTest::addRow("millions") << u"GPT-350M"_s << 3.5e8;
    QTest::addRow("lower-case suffix") << u"X-350m"_s << 3.5e8;
    QTest::addRow("trillions") << u"Big-1T"_s << 1e12;
    QTest::addRow("context length is not a size") << u"Mistral-7B-32k"_s << 7e9;
    QTest::addRow("followed by a hyphen") << u"X-7B-Instruct"_s << 7e9;
    QTest::addRow("spaces") << u"Llama 2 70B"_s << 7e10;
    QTest::addRow("the last of two") << u"Mix-7B-13B"_s << 1.3e10;
    QTest::addRow("at the start") << u"7B-Chat"_s << 7e9;
}

void TestValueNormalizer::modelNameSizeReadsLastSizeToken()
{
    QFETCH(QString, name);
    QFETCH(double, expected);

    const auto actual = ValueNormalizer::modelNameSize(name);
    QVERIFY(actual);
    QCOMPARE(exactly(*actual), exactly(expected));
}

void TestValueNormalizer::modelNameSizeIgnoresGluedOrMissingTokens_data()
{
    QTest::addColumn<QString>("name");

    QTest::addRow("empty") << QString();
    QTest::addRow("no suffix") << u"NeuroSynth-7"_s;
    QTest::addRow("glued to x") << u"Mixtral-8x7B"_s;
    QTest::addRow("glued to letters") << u"GPT4B"_s;
    QTest::addRow("suffix followed by a letter") << u"X-7Bn"_s;
    QTest::addRow("suffix followed by a digit") << u"X-7B2"_s;
    QTest::addRow("after a decimal point") << u"v1.2.3B"_s;
    QTest::addRow("unknown suffix") << u"X-7G"_s;
    QTest::addRow("thousands are a context length") << u"Tiny-500K"_s;
}

void TestValueNormalizer::modelNameSizeIgnoresGluedOrMissingTokens()
{
    QFETCH(QString, name);

    const auto parsed = ValueNormalizer::modelNameSize(name);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

void TestValueNormalizer::numberWordReadsOneToTwenty_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<int>("expected");

    const QStringList words = {u"one"_s,     u"two"_s,       u"three"_s,    u"four"_s,     u"five"_s,
                               u"six"_s,     u"seven"_s,     u"eight"_s,    u"nine"_s,     u"ten"_s,
                               u"eleven"_s,  u"twelve"_s,    u"thirteen"_s, u"fourteen"_s, u"fifteen"_s,
                               u"sixteen"_s, u"seventeen"_s, u"eighteen"_s, u"nineteen"_s, u"twenty"_s};
    for (qsizetype i = 0; i < words.size(); ++i) {
        QTest::addRow("%s", qPrintable(words.at(i))) << words.at(i) << int(i + 1);
    }
    QTest::addRow("capitalised") << u"Twelve"_s << 12;
    QTest::addRow("upper case") << u"SEVEN"_s << 7;
    QTest::addRow("surrounding white space") << u" three "_s << 3;
}

void TestValueNormalizer::numberWordReadsOneToTwenty()
{
    QFETCH(QString, word);
    QFETCH(int, expected);

    const auto parsed = ValueNormalizer::numberWord(word);
    QVERIFY(parsed);
    QCOMPARE(*parsed, expected);
}

void TestValueNormalizer::numberWordRejectsOtherWords_data()
{
    QTest::addColumn<QString>("word");

    QTest::addRow("empty") << QString();
    QTest::addRow("zero") << u"zero"_s;
    QTest::addRow("twenty-one") << u"twenty-one"_s;
    QTest::addRow("thirty") << u"thirty"_s;
    QTest::addRow("digits") << u"7"_s;
    QTest::addRow("prefix of a word") << u"twelv"_s;
    QTest::addRow("two words") << u"twelve billion"_s;
    QTest::addRow("article") << u"a"_s;
}

void TestValueNormalizer::numberWordRejectsOtherWords()
{
    QFETCH(QString, word);

    const auto parsed = ValueNormalizer::numberWord(word);
    QVERIFY2(!parsed, parsedAs(parsed).constData());
}

QTEST_GUILESS_MAIN(TestValueNormalizer)
#include "tst_valuenormalizer.moc"
