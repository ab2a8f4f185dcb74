#include "faultytext.h"

#include "bytetext.h"
#include "faults.h"
#include "seededrandom.h"
#include "templatefiller.h"

namespace annorev::bench {

QByteArray unknownLabelSentence(SeededRandom &rng, const TemplateFiller &filler, const Accelerator &accelerator)
{
    const UnknownLabelSentence &pattern = rng.pick(kUnknownLabelSentences);
    QByteArray out = bytes(pattern.before);
    filler.tag(out, pattern.label, pattern.value.empty() ? bytes(accelerator.name) : bytes(pattern.value));
    put(out, pattern.after);
    return out;
}

void untagOneModelMention(SeededRandom &rng, TemplateFiller &filler, const QByteArray &model, QByteArray &text)
{
    const QByteArray tagged = "<model>" + model + "</model>";
    const QList<qsizetype> mentions = occurrences(text, tagged);
    if (mentions.size() >= 2) {
        text.replace(mentions[rng.between(1, mentions.size() - 1)], tagged.size(), model);
    } else {
        text += ' ' + filler.sentence(kUntaggedModel);
    }
}

void padOneSpan(SeededRandom &rng, QByteArray &text)
{
    static constexpr Sv labels[] = {"model", "params", "hardware", "training", "country", "year"};
    QList<Sv> present;
    for (Sv label : labels) {
        if (text.contains(QByteArray('<' + bytes(label) + '>'))) {
            present.append(label);
        }
    }
    if (present.isEmpty()) {
        return;
    }
    const QByteArray label = bytes(present[rng.below(present.size())]);
    if (rng.chance(0.5)) {
        const QByteArray open = '<' + label + '>';
        const QList<qsizetype> at = occurrences(text, open);
        text.insert(at[rng.below(at.size())] + open.size(), rng.chance(0.8) ? " " : "  ");
    } else {
        const QList<qsizetype> at = occurrences(text, "</" + label + '>');
        text.insert(at[rng.below(at.size())], ' ');
    }
}

void dropOneClosingTag(SeededRandom &rng, QByteArray &text)
{
    const QList<qsizetype> closings = occurrences(text, "</");
    if (closings.isEmpty()) {
        return;
    }
    const qsizetype at = closings[rng.below(closings.size())];
    text.remove(at, text.indexOf('>', at) + 1 - at);
}

void mojibake(QByteArray &text)
{
    if (!text.contains("—") && !text.contains("’") && !text.contains("é")) {
        text += ' ' + bytes(kMojibakeCarrier);
    }
    // Each UTF-8 byte of the character decoded as Windows-1252 and encoded again as UTF-8.
    text.replace("—", "â€”").replace("’", "â€™").replace("é", "Ã©").replace("β", "Î²");
}

} // namespace annorev::bench
