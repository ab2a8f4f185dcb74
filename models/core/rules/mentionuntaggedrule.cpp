#include "charscan.h"
#include "checkcontext.h"
#include "findinglist.h"
#include "rule.h"
#include "wholeword.h"

#include <QHash>
#include <QSet>
#include <QVarLengthArray>

#include <bitset>
#include <memory>
#include <set>

namespace annorev {

namespace {

class MentionUntaggedRule final : public Rule
{
public:
    const RuleInfo &info() const override
    {
        static const RuleInfo info{
            QLatin1StringView("mention-untagged"), Severity::Warning,
            QStringLiteral("A tagged model name occurs again outside any span, as a whole word and with the same "
                           "case. X-7B-Instruct is not a mention of X-7B."),
            QStringLiteral("<model>NeuroFlex-7B</model> ... NeuroFlex-7B achieves state-of-the-art results"),
            QStringLiteral("Tag the mention as model."),
            true};
        return info;
    }

    void check(const CheckContext &context, FindingList *findings) const override
    {
        const QString modelLabel = context.schema().labelFor(ValueType::Model);
        const QString &text = context.text();
        auto report = [&](qsizetype pos, QStringView name) {
            const qsizetype end = pos + name.size();
            if (!WholeWord::isWholeWord(text, pos, end) || context.overlapsSpan(pos, end)) {
                return;
            }
            Finding result = finding(pos, end, QStringLiteral("%1 is mentioned here without a model tag").arg(name));
            if (context.suggestsFixes()) {
                result.fix = Fix{QStringLiteral("Tag %1 as model").arg(name), {SpanEdit::add(modelLabel, pos, end)}};
            }
            findings->append(result);
        };

        // A record per distinct model name (DocumentAnalysis), so each mention is reported once.
        QVarLengthArray<QStringView, 16> names;
        for (const Record &record : context.analysis().records()) {
            if (!record.model.isEmpty()) {
                names.append(record.model);
            }
        }
        // A few names in a short text: search for each. Many names or a long text: look each word
        // of the text up in a table of first words, so the work is one pass over the text.
        constexpr qsizetype searchLimit = 16;
        constexpr qsizetype shortText = 64 * 1024;
        if (names.size() <= searchLimit && text.size() <= shortText) {
            // Looked for by the name's first and last characters, eight positions at a time.
            const auto *data = reinterpret_cast<const char16_t *>(text.constData());
            for (const QStringView name : std::as_const(names)) {
                const auto *needle = reinterpret_cast<const char16_t *>(name.data());
                for (qsizetype pos = CharScan::find(data, 0, text.size(), needle, name.size()); pos >= 0;
                     pos = CharScan::find(data, pos + 1, text.size(), needle, name.size())) {
                    report(pos, name);
                }
            }
            return;
        }
        // Names sharing a first word ("Llama-1" ... "Llama-40000") are looked up by the text of
        // each of their lengths, not tried one by one at every occurrence of the word.
        struct SameFirstWord
        {
            QSet<QStringView> names;
            std::set<qsizetype> lengths;
        };
        QHash<QStringView, SameFirstWord> byFirstWord;
        // Most words start no name: a bit per (first character, length) turns them away before
        // the table is consulted, which would hash every word of the text.
        std::bitset<filterBits> mayStartAName;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QStringView first = firstWord(names[i]);
            SameFirstWord &group = byFirstWord[first];
            group.names.insert(names[i]);
            group.lengths.insert(names[i].size());
            mayStartAName.set(filterBit(first));
        }
        for (qsizetype pos = 0; pos < text.size(); ++pos) {
            if (pos > 0 && CheckContext::isWordChar(text.at(pos - 1)) && CheckContext::isWordChar(text.at(pos))) {
                continue;
            }
            qsizetype end = pos;
            while (end < text.size() && CheckContext::isWordChar(text.at(end))) {
                ++end;
            }
            const QStringView word = QStringView(text).sliced(pos, std::max(end, pos + 1) - pos);
            if (!mayStartAName.test(filterBit(word))) {
                continue;
            }
            const auto group = byFirstWord.constFind(word);
            if (group == byFirstWord.cend()) {
                continue;
            }
            for (const qsizetype length : group->lengths) {
                if (pos + length > text.size()) {
                    break;
                }
                const auto name = group->names.constFind(QStringView(text).sliced(pos, length));
                if (name != group->names.cend()) {
                    report(pos, *name);
                }
            }
        }
    }

private:
    static constexpr std::size_t filterBits = 1 << 16;

    static std::size_t filterBit(QStringView word)
    {
        return (std::size_t(word.front().unicode()) * 131 + std::size_t(word.size())) % filterBits;
    }

    static QStringView firstWord(QStringView name)
    {
        qsizetype end = 0;
        while (end < name.size() && CheckContext::isWordChar(name.at(end))) {
            ++end;
        }
        return name.first(std::max<qsizetype>(end, 1));
    }
};

} // namespace

std::unique_ptr<Rule> makeMentionUntaggedRule()
{
    return std::make_unique<MentionUntaggedRule>();
}

} // namespace annorev
