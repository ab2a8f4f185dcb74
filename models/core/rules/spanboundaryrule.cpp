#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"
#include "sentences.h"

#include <QStringList>

#include <array>
#include <memory>

namespace annorev {

namespace {

class SpanBoundaryRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("span-boundary"), Severity::Warning,
            QStringLiteral("A span starts or ends with white space or punctuation, or starts or ends inside a word "
                           "(a hyphen separates words). The final '.' of an abbreviation (U.S.) and a final ')' "
                           "whose '(' is inside the span are fine. An empty span fires too."),
            QStringLiteral("<model> NeuroFlex-7B,</model>; Neuro<model>Flex-7B</model>"),
            QStringLiteral("Move the boundary to the word: <model>NeuroFlex-7B</model>."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QList<Span> &spans = context.document().spans();
        for (qsizetype i = 0; i < spans.size(); ++i) {
            QStringList problems = problemsOf(context, spans[i]);
            if (problems.isEmpty()) {
                continue;
            }
            Finding result = finding(spans[i].start, spans[i].end,
                                     QStringLiteral("the %1 span %2 %3")
                                         .arg(spans[i].label, context.quoted(i), problems.join(QStringLiteral(" and "))));
            result.spans = {i};
            if (context.suggestsFixes()) {
                result.fix = corrected(context, spans[i]);
            }
            findings->append(result);
        }
    }

private:
    // QChar::isPunct is a call and a table walk; the first and last characters of most spans are
    // ASCII, answered from a table QChar filled once, so the two cannot disagree.
    static bool isPunct(QChar c)
    {
        static const std::array<bool, 128> ascii = [] {
            std::array<bool, 128> table{};
            for (char16_t u = 0; u < 128; ++u) {
                table[u] = QChar(u).isPunct();
            }
            return table;
        }();
        return c.unicode() < 128 ? ascii[c.unicode()] : c.isPunct();
    }

    static bool isLoose(QChar c) { return c.isSpace() || isPunct(c); }

    static bool allowedEnd(const QString &text, qsizetype start, qsizetype end)
    {
        const QChar last = text.at(end - 1);
        if (last == u')') {
            return QStringView(text).sliced(start, end - 1 - start).contains(u'(');
        }
        if (last == u'.') {
            return end - 1 > start && Sentences::isAbbreviationDot(text, end - 1);
        }
        return false;
    }

    static bool insideWord(const Document &doc, qsizetype outside, qsizetype inside, qsizetype boundary)
    {
        const QString &text = doc.text();
        return outside >= 0 && outside < text.size() && inside >= 0 && inside < text.size() &&
               CheckContext::isWordChar(text.at(outside)) && CheckContext::isWordChar(text.at(inside)) &&
               !doc.isBlockBreak(boundary);
    }

    static QStringList problemsOf(const CheckContext &context, const Span &span)
    {
        const QString &text = context.text();
        if (span.start == span.end) {
            return {QStringLiteral("is empty")};
        }
        QStringList problems;
        const QChar first = text.at(span.start);
        if (first.isSpace()) {
            problems << QStringLiteral("starts with white space");
        } else if (isPunct(first) && first != u'(') {
            problems << QStringLiteral("starts with the punctuation '%1'").arg(first);
        } else if (first == u'(' && !QStringView(text).sliced(span.start, span.length()).contains(u')')) {
            problems << QStringLiteral("starts with an unmatched '('");
        }
        const QChar last = text.at(span.end - 1);
        if (last.isSpace()) {
            problems << QStringLiteral("ends with white space");
        } else if (isPunct(last) && !allowedEnd(text, span.start, span.end)) {
            problems << QStringLiteral("ends with the punctuation '%1'").arg(last);
        }
        if (insideWord(context.document(), span.start - 1, span.start, span.start)) {
            problems << QStringLiteral("starts inside a word");
        }
        if (insideWord(context.document(), span.end, span.end - 1, span.end)) {
            problems << QStringLiteral("ends inside a word");
        }
        return problems;
    }

    // Trims loose characters and widens to whole words; nothing when no text would remain.
    static std::optional<Fix> corrected(const CheckContext &context, const Span &span)
    {
        const QString &text = context.text();
        qsizetype start = span.start;
        qsizetype end = span.end;
        while (start < end && isLoose(text.at(start)) && !(text.at(start) == u'(' && end > start + 1 &&
                                                            QStringView(text).sliced(start, end - start).contains(u')'))) {
            ++start;
        }
        while (end > start && isLoose(text.at(end - 1)) && !allowedEnd(text, start, end)) {
            --end;
        }
        if (start == end) {
            return std::nullopt;
        }
        while (insideWord(context.document(), start - 1, start, start)) {
            --start;
        }
        while (insideWord(context.document(), end, end - 1, end)) {
            ++end;
        }
        SpanEdit add = SpanEdit::add(span.label, start, end);
        add.attributes = span.attributes;
        return Fix{QStringLiteral("Tag \"%1\" instead").arg(text.mid(start, end - start)), {SpanEdit::remove(span), add}};
    }
};

} // namespace

std::unique_ptr<Rule> makeSpanBoundaryRule()
{
    return std::make_unique<SpanBoundaryRule>();
}

} // namespace annorev
