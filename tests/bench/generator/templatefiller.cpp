#include "templatefiller.h"

#include "bytetext.h"

namespace annorev::bench {

namespace {

// Slots filled with a word from a list.
struct WordSlot
{
    Sv name;
    const Sv *words = nullptr;
    qsizetype count = 0;
};

template<std::size_t N>
constexpr WordSlot words(Sv name, const Sv (&list)[N])
{
    return WordSlot{name, list, qsizetype(N)};
}

constexpr WordSlot kWordSlots[] = {
    words("org", kOrganisations),    words("kind", kKinds),           words("purpose", kPurposes),
    words("hidden", kHidden),        words("kvheads", kKvHeads),      words("experts", kExperts),
    words("vocab", kVocabularies),   words("seqlen", kLongContexts),  words("seqshort", kShortContexts),
    words("tokens", kTrillions),     words("lr", kLearningRates),     words("warmup", kWarmups),
    words("batch", kBatches),        words("accum", kAccumulations),  words("pp", kPipelineStages),
    words("ckpt", kCheckpointSteps), words("shots", kShots),          words("pairs", kPairs),
    words("flops", kFlops),
};

// Slots filled with a number drawn from [low, high], written as it is, in tenths or with commas.
enum class NumberStyle { Whole, Tenths, Grouped };

struct NumberSlot
{
    Sv name;
    qint64 low = 0;
    qint64 high = 0;
    NumberStyle style = NumberStyle::Whole;
};

constexpr NumberSlot kNumberSlots[] = {
    {"langs", 3, 120, NumberStyle::Whole},       {"pct", 5, 60, NumberStyle::Whole},
    {"runs", 3, 10, NumberStyle::Whole},         {"restarts", 2, 14, NumberStyle::Whole},
    {"mfu", 38, 62, NumberStyle::Whole},         {"table", 2, 9, NumberStyle::Whole},
    {"raters", 20, 400, NumberStyle::Whole},     {"score", 450, 959, NumberStyle::Tenths},
    {"score2", 450, 959, NumberStyle::Tenths},   {"lowscore", 150, 420, NumberStyle::Tenths},
    {"delta", 5, 99, NumberStyle::Tenths},       {"ppl1", 80, 140, NumberStyle::Tenths},
    {"ppl2", 30, 79, NumberStyle::Tenths},       {"mwh", 80, 1500, NumberStyle::Grouped},
    {"tps", 40, 3000, NumberStyle::Grouped},
};

} // namespace

QByteArray TemplateFiller::fill(Sv pattern)
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(pattern.size()) + 64);
    std::size_t at = 0;
    while (at < pattern.size()) {
        const std::size_t open = pattern.find('{', at);
        if (open == Sv::npos) {
            put(out, pattern.substr(at));
            break;
        }
        const std::size_t close = pattern.find('}', open);
        put(out, pattern.substr(at, open - at));
        fillSlot(out, pattern.substr(open + 1, close - open - 1));
        at = close + 1;
    }
    return out;
}

void TemplateFiller::fillSlot(QByteArray &out, Sv slot)
{
    if (fillFact(out, slot)) {
        return;
    }
    if (slot == "bench" || slot == "bench2") {
        Sv benchmark = m_rng.pick(kBenchmarks);
        while (slot == "bench2" && benchmark == m_lastBenchmark) {
            benchmark = m_rng.pick(kBenchmarks);
        }
        m_lastBenchmark = benchmark;
        put(out, benchmark);
        return;
    }
    for (const WordSlot &word : kWordSlots) {
        if (word.name == slot) {
            put(out, word.words[m_rng.below(word.count)]);
            return;
        }
    }
    for (const NumberSlot &number : kNumberSlots) {
        if (number.name == slot) {
            const qint64 value = m_rng.between(number.low, number.high);
            out += number.style == NumberStyle::Tenths    ? tenths(value)
                   : number.style == NumberStyle::Grouped ? grouped(value)
                                                          : QByteArray::number(value);
            return;
        }
    }
    qFatal("genbatch: unknown template slot {%.*s}", static_cast<int>(slot.size()), slot.data());
}

// The slots that carry the document's facts; false for any other slot.
bool TemplateFiller::fillFact(QByteArray &out, Sv slot)
{
    if (slot == "model") {
        if (m_facts.tagModel) {
            tag(out, "model", m_facts.model);
        } else {
            out += m_facts.model;
        }
    } else if (slot == "model_plain") {
        out += m_facts.model;
    } else if (slot == "model2") {
        tag(out, "model", m_facts.secondModel);
    } else if (slot == "ref" || slot == "Ref") {
        if (m_rng.chance(0.5)) {
            fillSlot(out, "model");
        } else {
            put(out, slot == "ref" ? m_rng.pick(kModelReferences) : m_rng.pick(kModelReferencesCapital));
        }
    } else if (slot == "params") {
        putParams(out, *m_facts.size);
    } else if (slot == "params2") {
        putParams(out, *m_facts.otherSize);
    } else if (slot == "params_adj") {
        tag(out, "params", bytes(m_facts.size->suffix));
        out += "-parameter";
    } else if (slot == "hw") {
        putHardware(out);
    } else if (slot == "train") {
        // Annotators disagree on whether "approximately" belongs inside the span.
        if (m_facts.trainingQualifier.isEmpty() || m_rng.chance(0.7)) {
            tag(out, "training", m_facts.trainingQualifier + m_facts.training);
        } else {
            out += m_facts.trainingQualifier;
            tag(out, "training", m_facts.training);
        }
    } else if (slot == "country") {
        putCountry(out);
    } else if (slot == "year") {
        tag(out, "year", m_facts.year);
    } else if (slot == "layers") {
        out += m_facts.layers;
    } else if (slot == "heads") {
        out += m_facts.heads;
    } else {
        return false;
    }
    return true;
}

void TemplateFiller::tag(QByteArray &out, Sv label, const QByteArray &value) const
{
    if (!m_facts.tags) {
        out += value;
        return;
    }
    out += '<';
    put(out, label);
    out += '>';
    out += value;
    out += "</";
    put(out, label);
    out += '>';
}

void TemplateFiller::putParams(QByteArray &out, const ParamSize &size)
{
    switch (m_rng.below(8)) {
    case 0: tag(out, "params", bytes(size.words) + " parameters"); break;
    case 1: tag(out, "params", bytes(size.words)); out += " parameters"; break;
    case 2: tag(out, "params", bytes(size.exactWords) + " parameters"); break;
    case 3: tag(out, "params", bytes(size.exactWords)); out += " parameters"; break;
    case 4: tag(out, "params", bytes(size.suffix)); out += " parameters"; break;
    case 5: tag(out, "params", bytes(size.suffix) + " parameters"); break;
    case 6: tag(out, "params", bytes(size.exactDigits)); out += " parameters"; break;
    default: tag(out, "params", bytes(size.roundDigits) + " parameters"); break;
    }
}

void TemplateFiller::putHardware(QByteArray &out)
{
    const QByteArray &count = m_facts.deviceCount;
    const Accelerator &accelerator = *m_facts.accelerator;
    switch (m_facts.countStyle) {
    case CountStyle::None:
        tag(out, "hardware", m_facts.hardwareSpan);
        break;
    case CountStyle::Separate:
        tag(out, "gpu_count", count);
        out += ' ';
        tag(out, "hardware", m_facts.hardwareSpan);
        break;
    case CountStyle::SeparateAfter:
        tag(out, "hardware", m_facts.hardwareSpan);
        out += " (";
        tag(out, "gpu_count", count);
        out += " in total)";
        break;
    case CountStyle::InHardware:
        tag(out, "hardware", count + ' ' + m_facts.hardwareSpan);
        break;
    case CountStyle::Untagged:
        out += count + ' ';
        tag(out, "hardware", m_facts.hardwareSpan);
        break;
    case CountStyle::UntaggedAside:
        out += count + ' ' + bytes(accelerator.name) + ' ' + bytes(accelerator.noun) + " (";
        tag(out, "hardware", bytes(accelerator.name));
        out += ')';
        break;
    case CountStyle::Unparseable:
        switch (m_rng.below(4)) {
        case 0: tag(out, "gpu_count", count + ' ' + bytes(accelerator.noun)); break;
        case 1: tag(out, "gpu_count", '~' + count); break;
        case 2: tag(out, "gpu_count", "several hundred"); break;
        default: tag(out, "gpu_count", count + '+'); break;
        }
        out += ' ';
        tag(out, "hardware", m_facts.hardwareSpan);
        break;
    }
}

void TemplateFiller::putCountry(QByteArray &out)
{
    const Country &country = *m_facts.country;
    if (!country.takesArticle) {
        tag(out, "country", bytes(country.name));
    } else if (m_rng.chance(0.7)) {
        out += "the ";
        tag(out, "country", bytes(country.name));
    } else {
        tag(out, "country", "the " + bytes(country.name));
    }
}

} // namespace annorev::bench
