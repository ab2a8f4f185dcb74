#include "valuenormalizer.h"

#include <QVarLengthArray>
#include <QtNumeric>

#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>

namespace annorev::ValueNormalizer {

namespace {

// ASCII text for std::from_chars, which parses correctly rounded: "7.2" and a multiplier become
// "7.2e9" rather than 7.2 * 1e9, which can be one unit in the last place off.
using DecimalText = QVarLengthArray<char, 48>;

constexpr QChar multiplicationSign(0x00D7);

constexpr QLatin1StringView numberWords[] = {
    QLatin1StringView("one"),      QLatin1StringView("two"),       QLatin1StringView("three"),
    QLatin1StringView("four"),     QLatin1StringView("five"),      QLatin1StringView("six"),
    QLatin1StringView("seven"),    QLatin1StringView("eight"),     QLatin1StringView("nine"),
    QLatin1StringView("ten"),      QLatin1StringView("eleven"),    QLatin1StringView("twelve"),
    QLatin1StringView("thirteen"), QLatin1StringView("fourteen"),  QLatin1StringView("fifteen"),
    QLatin1StringView("sixteen"),  QLatin1StringView("seventeen"), QLatin1StringView("eighteen"),
    QLatin1StringView("nineteen"), QLatin1StringView("twenty"),
};

struct Multiplier
{
    QLatin1StringView name;
    int exponent;
};

constexpr Multiplier multipliers[] = {
    {QLatin1StringView("thousand"), 3}, {QLatin1StringView("k"), 3},  {QLatin1StringView("million"), 6},
    {QLatin1StringView("m"), 6},        {QLatin1StringView("mn"), 6}, {QLatin1StringView("billion"), 9},
    {QLatin1StringView("b"), 9},        {QLatin1StringView("bn"), 9}, {QLatin1StringView("trillion"), 12},
    {QLatin1StringView("t"), 12},
};

constexpr QLatin1StringView parameterWords[] = {
    QLatin1StringView("parameters"),
    QLatin1StringView("parameter"),
    QLatin1StringView("params"),
};

struct TimeUnit
{
    QLatin1StringView name;
    double hours;
};

constexpr double hoursPerDay = 24;
constexpr double hoursPerMonth = 30.44 * hoursPerDay;
constexpr double hoursPerYear = 365.25 * hoursPerDay;

constexpr TimeUnit timeUnits[] = {
    {QLatin1StringView("h"), 1},
    {QLatin1StringView("hr"), 1},
    {QLatin1StringView("hrs"), 1},
    {QLatin1StringView("hour"), 1},
    {QLatin1StringView("hours"), 1},
    {QLatin1StringView("day"), hoursPerDay},
    {QLatin1StringView("days"), hoursPerDay},
    {QLatin1StringView("week"), 7 * hoursPerDay},
    {QLatin1StringView("weeks"), 7 * hoursPerDay},
    {QLatin1StringView("month"), hoursPerMonth},
    {QLatin1StringView("months"), hoursPerMonth},
    {QLatin1StringView("year"), hoursPerYear},
    {QLatin1StringView("years"), hoursPerYear},
};

constexpr QLatin1StringView acceleratorWords[] = {
    QLatin1StringView("gpu"),   QLatin1StringView("gpus"),        QLatin1StringView("chip"),
    QLatin1StringView("chips"), QLatin1StringView("accelerator"), QLatin1StringView("accelerators"),
};

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool sameWord(QStringView text, QLatin1StringView word)
{
    // Every word compared here is ASCII, so a match has the same length.
    if (text.size() != word.size()) {
        return false;
    }
    // ASCII folds inline (QString::compare ignoring case is a call of about 180 instructions, and
    // normalising asks several times a value); anything else as QString::compare folds it, for a
    // KELVIN SIGN folds to 'k'.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const char16_t w = word[i].unicode();
        if (c >= 0x80 || w >= 0x80) {
            return text.compare(word, Qt::CaseInsensitive) == 0;
        }
        const auto lower = [](char16_t a) {
            return a >= u'A' && a <= u'Z' ? char16_t(a + 32) : a;
        };
        if (lower(c) != lower(w)) {
            return false;
        }
    }
    return true;
}

template <typename Table> bool isOneOf(QStringView text, const Table &words)
{
    for (QLatin1StringView word : words) {
        if (sameWord(text, word)) {
            return true;
        }
    }
    return false;
}

std::optional<int> multiplierExponent(QStringView word)
{
    for (const Multiplier &multiplier : multipliers) {
        if (sameWord(word, multiplier.name)) {
            return multiplier.exponent;
        }
    }
    return std::nullopt;
}

std::optional<double> hoursPer(QStringView unit)
{
    for (const TimeUnit &timeUnit : timeUnits) {
        if (sameWord(unit, timeUnit.name)) {
            return timeUnit.hours;
        }
    }
    return std::nullopt;
}

// Model names carry sizes in M, B or T; a K there is a context length ("Mistral-7B-32k").
std::optional<int> sizeSuffixExponent(QChar c)
{
    switch (c.toLower().unicode()) {
    case u'm':
        return 6;
    case u'b':
        return 9;
    case u't':
        return 12;
    default:
        return std::nullopt;
    }
}

qsizetype spacesEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && text[from].isSpace()) {
        ++from;
    }
    return from;
}

qsizetype digitsEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && isDigit(text[from])) {
        ++from;
    }
    return from;
}

// The end of the digits starting at `from`, allowing thousands commas in well-formed groups of
// three; `from` itself when there is no digit there, nothing when the commas are malformed
// ("1,75", "1234,567", "1,024,").
std::optional<qsizetype> groupedDigitsEnd(QStringView text, qsizetype from)
{
    qsizetype pos = digitsEnd(text, from);
    if (pos == from || pos == text.size() || text[pos] != u',') {
        return pos;
    }
    if (pos - from > 3) {
        return std::nullopt;
    }
    while (pos < text.size() && text[pos] == u',') {
        const qsizetype groupBegin = pos + 1;
        pos = digitsEnd(text, groupBegin);
        if (pos - groupBegin != 3) {
            return std::nullopt;
        }
    }
    return pos;
}

// Digits and thousands commas as found by groupedDigitsEnd; nothing on overflow.
std::optional<qint64> integerValue(QStringView digits)
{
    qint64 value = 0;
    for (QChar c : digits) {
        if (c == u',') {
            continue;
        }
        if (qMulOverflow(value, qint64(10), &value) || qAddOverflow(value, qint64(c.unicode() - u'0'), &value)) {
            return std::nullopt;
        }
    }
    return value;
}

// The whole text, trimmed, as digits with optional thousands commas.
std::optional<qint64> wholeInteger(QStringView text, bool allowCommas)
{
    const QStringView trimmed = text.trimmed();
    const auto end = groupedDigitsEnd(trimmed, 0);
    if (!end || *end == 0 || *end != trimmed.size()) {
        return std::nullopt;
    }
    if (!allowCommas && trimmed.contains(u',')) {
        return std::nullopt;
    }
    return integerValue(trimmed);
}

void appendAscii(DecimalText &out, QStringView text)
{
    for (QChar c : text) {
        if (c != u',') {
            out.append(char(c.unicode()));
        }
    }
}

std::optional<double> toDouble(DecimalText text, int exponent)
{
    if (exponent != 0) {
        char buffer[8];
        const auto written = std::to_chars(buffer, buffer + sizeof buffer, exponent);
        text.append('e');
        text.append(buffer, written.ptr - buffer);
    }
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

struct Number
{
    DecimalText text;
    bool hasExponent = false;
};

// A left-to-right reader over trimmed span text.
class Scanner
{
public:
    explicit Scanner(QStringView text) : m_text(text.trimmed()) {}

    bool atEnd() const { return m_pos >= m_text.size(); }

    bool skipSpaces()
    {
        const qsizetype from = m_pos;
        m_pos = spacesEnd(m_text, m_pos);
        return m_pos > from;
    }

    // The run of letters at the current position; empty when there is none.
    QStringView word()
    {
        const qsizetype from = m_pos;
        while (!atEnd() && m_text[m_pos].isLetter()) {
            ++m_pos;
        }
        return m_text.sliced(from, m_pos - from);
    }

    // "approximately ", "about ", "~" (glued or not).
    bool approximatePrefix()
    {
        if (peek() == u'~') {
            ++m_pos;
            skipSpaces();
            return true;
        }
        const qsizetype from = m_pos;
        const QStringView prefix = word();
        if ((sameWord(prefix, QLatin1StringView("approximately")) || sameWord(prefix, QLatin1StringView("about"))) &&
            skipSpaces()) {
            return true;
        }
        m_pos = from;
        return false;
    }

    enum class Articles
    {
        Rejected,
        MeanOne
    };

    // Digits (thousands commas, a fraction, optionally an exponent) or a number word.
    std::optional<Number> number(bool allowExponent, Articles articles = Articles::Rejected)
    {
        if (isDigit(peek())) {
            return decimal(allowExponent);
        }
        const qsizetype from = m_pos;
        const QStringView name = word();
        Number result;
        if (const auto value = numberWord(name)) {
            char buffer[4];
            const auto written = std::to_chars(buffer, buffer + sizeof buffer, *value);
            result.text.append(buffer, written.ptr - buffer);
            return result;
        }
        if (articles == Articles::MeanOne &&
            (sameWord(name, QLatin1StringView("a")) || sameWord(name, QLatin1StringView("an")))) {
            result.text.append('1');
            return result;
        }
        m_pos = from;
        return std::nullopt;
    }

private:
    QChar peek(qsizetype ahead = 0) const
    {
        const qsizetype at = m_pos + ahead;
        return at < m_text.size() ? m_text[at] : QChar();
    }

    std::optional<Number> decimal(bool allowExponent)
    {
        const auto end = groupedDigitsEnd(m_text, m_pos);
        if (!end) {
            return std::nullopt;
        }
        Number result;
        appendAscii(result.text, m_text.sliced(m_pos, *end - m_pos));
        m_pos = *end;
        if (peek() == u'.' && isDigit(peek(1))) {
            const qsizetype from = m_pos;
            m_pos = digitsEnd(m_text, m_pos + 1);
            appendAscii(result.text, m_text.sliced(from, m_pos - from));
        }
        if (allowExponent && (peek() == u'e' || peek() == u'E')) {
            const qsizetype sign = peek(1) == u'+' || peek(1) == u'-' ? 1 : 0;
            if (isDigit(peek(1 + sign))) {
                const qsizetype from = m_pos;
                m_pos = digitsEnd(m_text, m_pos + 1 + sign);
                appendAscii(result.text, m_text.sliced(from, m_pos - from));
                result.hasExponent = true;
            }
        }
        return result;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

} // namespace

std::optional<double> params(QStringView text)
{
    Scanner in(text);
    in.approximatePrefix();
    const auto number = in.number(true);
    if (!number) {
        return std::nullopt;
    }
    bool spaced = in.skipSpaces();
    QStringView word = in.word();
    int exponent = 0;
    if (const auto multiplier = number->hasExponent ? std::nullopt : multiplierExponent(word)) {
        exponent = *multiplier;
        spaced = in.skipSpaces();
        word = in.word();
    }
    if (!word.isEmpty() && !(spaced && isOneOf(word, parameterWords))) {
        return std::nullopt;
    }
    if (!in.atEnd()) {
        return std::nullopt;
    }
    return toDouble(number->text, exponent);
}

std::optional<qint64> gpuCount(QStringView text)
{
    return wholeInteger(text, true);
}

std::optional<TrainingTime> training(QStringView text)
{
    Scanner in(text);
    TrainingTime time;
    time.approximate = in.approximatePrefix();
    const auto number = in.number(false, Scanner::Articles::MeanOne);
    if (!number) {
        return std::nullopt;
    }
    in.skipSpaces();
    const auto hours = hoursPer(in.word());
    if (!hours || !in.atEnd()) {
        return std::nullopt;
    }
    const auto count = toDouble(number->text, 0);
    if (!count) {
        return std::nullopt;
    }
    time.hours = *count * *hours;
    if (!std::isfinite(time.hours)) {
        return std::nullopt;
    }
    return time;
}

std::optional<int> year(QStringView text)
{
    const auto value = wholeInteger(text, false);
    if (!value || *value > std::numeric_limits<int>::max()) {
        return std::nullopt;
    }
    return int(*value);
}

QString hardware(QStringView text)
{
    QStringView name = text.trimmed();
    if (const auto count = leadingCount(name)) {
        name = name.sliced(count->nameBegin);
    }
    qsizetype lastWord = name.size();
    while (lastWord > 0 && !name[lastWord - 1].isSpace()) {
        --lastWord;
    }
    // A lone "GPUs" is all the name there is; keep it.
    if (lastWord > 0 && isOneOf(name.sliced(lastWord), acceleratorWords)) {
        name = name.first(lastWord);
    }
    return name.trimmed().toString();
}

// Offsets index hardwareText as given: the count must start at offset 0, so pass trimmed text.
std::optional<LeadingCount> leadingCount(QStringView text)
{
    const auto digitsEnd = groupedDigitsEnd(text, 0);
    if (!digitsEnd || *digitsEnd == 0) {
        return std::nullopt;
    }
    const auto value = integerValue(text.first(*digitsEnd));
    if (!value) {
        return std::nullopt;
    }
    qsizetype nameBegin = spacesEnd(text, *digitsEnd);
    if (nameBegin < text.size()) {
        const QChar sign = text[nameBegin];
        if (sign == u'x' || sign == u'X' || sign == multiplicationSign) {
            const qsizetype afterSign = spacesEnd(text, nameBegin + 1);
            // "8x A100", "8×A100" and "8xA100-80GB" (an x glued to both sides before a capital),
            // but not "8 xPU", where the x starts the name, nor "4x4" or "24xlarge".
            const bool gluedX = nameBegin == *digitsEnd && afterSign == nameBegin + 1 && afterSign < text.size() &&
                                text[afterSign] >= u'A' && text[afterSign] <= u'Z';
            if (afterSign > nameBegin + 1 || sign == multiplicationSign || gluedX) {
                nameBegin = afterSign;
            }
        }
    }
    // "80GB", "8-GPU" and "2.5" are not counts followed by a name.
    if (nameBegin == *digitsEnd || nameBegin >= text.size()) {
        return std::nullopt;
    }
    return LeadingCount{*value, *digitsEnd, nameBegin};
}

std::optional<double> modelNameSize(QStringView modelName)
{
    const QStringView name = modelName.trimmed();
    std::optional<double> size;
    qsizetype pos = 0;
    while (pos < name.size()) {
        const bool glued = pos > 0 && (name[pos - 1].isLetterOrNumber() || name[pos - 1] == u'.');
        if (!isDigit(name[pos]) || glued) {
            ++pos;
            continue;
        }
        const qsizetype begin = pos;
        pos = digitsEnd(name, pos);
        if (pos + 1 < name.size() && name[pos] == u'.' && isDigit(name[pos + 1])) {
            pos = digitsEnd(name, pos + 1);
        }
        if (pos == name.size()) {
            break;
        }
        const auto exponent = sizeSuffixExponent(name[pos]);
        const bool suffixEndsToken = pos + 1 == name.size() || !name[pos + 1].isLetterOrNumber();
        if (exponent && suffixEndsToken) {
            DecimalText digits;
            appendAscii(digits, name.sliced(begin, pos - begin));
            if (const auto value = toDouble(digits, *exponent)) {
                size = value;
            }
        }
    }
    return size;
}

std::optional<int> numberWord(QStringView word)
{
    const QStringView trimmed = word.trimmed();
    for (int i = 0; i < int(std::size(numberWords)); ++i) {
        if (sameWord(trimmed, numberWords[i])) {
            return i + 1;
        }
    }
    return std::nullopt;
}

} // namespace annorev::ValueNormalizer
