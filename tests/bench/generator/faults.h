#pragma once

#include "vocabulary.h"

#include <QList>

namespace annorev::bench {

class SeededRandom;

// The faults a reviewer has to catch, each made by the generator on purpose.
enum class Fault {
    CountInHardware,     // <hardware>768 NVIDIA A100 GPUs</hardware>
    UntaggedCount,       // 512 <hardware>NVIDIA A100 GPUs</hardware>
    UnparseableCount,    // <gpu_count>512 GPUs</gpu_count>
    ConflictingParams,   // two different <params>
    MissingModel,        // the model is named but never tagged
    NoTags,
    Mojibake,            // UTF-8 read as Windows-1252: â€” â€™ Ã©
    UnknownLabel,        // <gpu_type>, <dataset>, ...
    UnclosedTag,
    PaddedSpan,          // <model> X-7B</model>
    ImplausibleYear,
    SecondModel,
    UntaggedModelRepeat, // the name once more without its tag
    CrlfLineEndings,
};

inline constexpr Fault kFaults[] = {
    Fault::CountInHardware, Fault::UntaggedCount, Fault::UnparseableCount, Fault::ConflictingParams,
    Fault::MissingModel, Fault::NoTags, Fault::Mojibake, Fault::UnknownLabel, Fault::UnclosedTag,
    Fault::PaddedSpan, Fault::ImplausibleYear, Fault::SecondModel, Fault::UntaggedModelRepeat,
    Fault::CrlfLineEndings,
};

// A document's faults: none, or one, or two that are not both about the device count.
class Faults
{
public:
    static Faults draw(SeededRandom &rng, double faultRate, bool allowCrlf);

    bool has(Fault fault) const { return m_faults.contains(fault); }

private:
    QList<Fault> m_faults;
};

// The sentences some faults add.
inline constexpr Sv kConflictingParams[] = {
    "A later revision of the model card lists {params2} instead.",
    "The released checkpoint, however, contains {params2} after pruning.",
    "Elsewhere in the report the model is described as having {params2}.",
};
inline constexpr Sv kSecondModel[] = {
    "The team also open-sourced a distilled version of the model, {model2}, to facilitate broader adoption in resource-constrained environments.",
    "Compared with {model2}, the model is {delta} points more accurate on {bench}.",
    "It was initialised from the weights of {model2}, an earlier model from the same group.",
    "A smaller sibling, {model2}, was trained with the same recipe for ablations.",
};
inline constexpr Sv kUntaggedModel[] = {
    "In our experiments, {model_plain} remained stable throughout training.",
    "{model_plain} also handles code-switched input gracefully.",
};

struct UnknownLabelSentence
{
    Sv before;
    Sv label;
    Sv value; // empty: the accelerator name
    Sv after;
};

inline constexpr UnknownLabelSentence kUnknownLabelSentences[] = {
    {"Each node of the cluster holds eight ", "gpu_type", "", " devices."},
    {"Most of the pre-training data came from ", "dataset", "CommonCrawl", " snapshots."},
    {"We used ", "optimizer", "AdamW", " throughout."},
    {"The weights are distributed under the ", "license", "Apache-2.0", " licence."},
    {"Evaluation used a held-out split of ", "dataset", "The Pile", "."},
};

inline constexpr Sv kMojibakeCarrier = "Results are preliminary — a full evaluation will follow.";

} // namespace annorev::bench
