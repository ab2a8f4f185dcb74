#include "conllexporter.h"

#include "document.h"
#include "sentences.h"

#include <QString>

#include <algorithm>

namespace annorev::ConllExporter {

namespace {

enum class Kind { Space, Word, Joiner, Other };

struct Character
{
    char32_t code = 0;
    qsizetype size = 1;  // UTF-16 units
};

Character characterAt(QStringView text, qsizetype i)
{
    const QChar c = text.at(i);
    if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
        return {QChar::surrogateToUcs4(c, text.at(i + 1)), 2};
    }
    return {c.unicode(), 1};
}

Kind kindOf(char32_t c)
{
    if (QChar::isSpace(c)) {
        return Kind::Space;
    }
    if (QChar::isLetterOrNumber(c) || QChar::isMark(c)) {
        return Kind::Word;
    }
    if (c == U'.' || c == U',' || c == U'-' || c == U'_' || c == U'\'' || c == U'\u2019') {
        return Kind::Joiner;
    }
    return Kind::Other;
}

// Where each sentence ends, in text order.
QList<qsizetype> sentenceEnds(const Document &doc)
{
    QList<qsizetype> ends;
    const qsizetype size = doc.text().size();
    qsizetype pos = 0;
    while (pos < size) {
        pos = std::max(Sentences::around(doc, pos).end, pos + 1);
        ends.append(pos);
    }
    return ends;
}

// Most tokens are ASCII: copy them without a temporary UTF-8 string.
void appendUtf8(QByteArray *out, QStringView text)
{
    for (QChar c : text) {
        if (c.unicode() >= 0x80) {
            out->append(text.toUtf8());
            return;
        }
    }
    const qsizetype used = out->size();
    out->resize(used + text.size());
    char *p = out->data() + used;
    for (QChar c : text) {
        *p++ = char(c.unicode());
    }
}

} // namespace

QList<Token> tokenize(QStringView text, const QList<qsizetype> &breaks)
{
    QList<Token> tokens;
    auto nextBreak = breaks.cbegin();
    qsizetype i = 0;
    while (i < text.size()) {
        while (nextBreak != breaks.cend() && *nextBreak <= i) {
            ++nextBreak;
        }
        const qsizetype limit = nextBreak == breaks.cend() ? text.size() : *nextBreak;
        const Character c = characterAt(text, i);
        const Kind kind = kindOf(c.code);
        if (kind == Kind::Space) {
            i += c.size;
            continue;
        }
        if (kind != Kind::Word) {
            tokens.append({i, i + c.size});
            i += c.size;
            continue;
        }
        const qsizetype start = i;
        i += c.size;
        while (i < limit) {
            const Character next = characterAt(text, i);
            const Kind nextKind = kindOf(next.code);
            if (nextKind == Kind::Word) {
                i += next.size;
            } else if (nextKind == Kind::Joiner && i + next.size < limit &&
                       kindOf(characterAt(text, i + next.size).code) == Kind::Word) {
                i += next.size;
            } else {
                break;
            }
        }
        tokens.append({start, i});
    }
    return tokens;
}

QByteArray document(const Document &doc)
{
    const QString &text = doc.text();
    QList<annorev::Span> spans = doc.spans();
    std::stable_sort(spans.begin(), spans.end(),
                     [](const annorev::Span &a, const annorev::Span &b) { return a.start < b.start; });
    const QList<Token> tokens = tokenize(text, doc.blockBreaks());
    const QList<qsizetype> ends = sentenceEnds(doc);

    QList<QByteArray> labels;
    labels.reserve(spans.size());
    for (const annorev::Span &span : spans) {
        labels.append(span.label.toUtf8());
    }

    QByteArray out = "-DOCSTART- -X- O\n\n";
    out.reserve(out.size() + text.size() * 2);
    qsizetype sentence = 0;
    qsizetype firstLive = 0;  // spans before it end before the current token
    qsizetype previousSpan = -1;
    bool sentenceOpen = false;
    for (const Token &token : tokens) {
        bool sentenceStart = !sentenceOpen;
        while (sentence < ends.size() && token.start >= ends.at(sentence)) {
            ++sentence;
            if (sentenceOpen) {
                out += '\n';
                sentenceOpen = false;
            }
            sentenceStart = true;
        }
        while (firstLive < spans.size() && spans.at(firstLive).end <= token.start) {
            ++firstLive;
        }
        qsizetype tokenSpan = -1;
        for (qsizetype s = firstLive; s < spans.size() && spans.at(s).start < token.end; ++s) {
            if (spans.at(s).end > token.start && spans.at(s).length() > 0) {
                tokenSpan = s;
                break;
            }
        }
        appendUtf8(&out, QStringView(text).sliced(token.start, token.end - token.start));
        out += " -X- _ ";
        if (tokenSpan < 0) {
            out += 'O';
        } else {
            out += (tokenSpan != previousSpan || sentenceStart) ? "B-" : "I-";
            out += labels.at(tokenSpan);
        }
        out += '\n';
        previousSpan = tokenSpan;
        sentenceOpen = true;
    }
    if (sentenceOpen) {
        out += '\n';
    }
    return out;
}

} // namespace annorev::ConllExporter
