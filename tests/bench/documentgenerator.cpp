#include "documentgenerator.h"

#include "seededrandom.h"

#include <QList>

#include <iterator>
#include <string_view>
#include <utility>

namespace annorev::bench {

namespace {

using Sv = std::string_view;

// ---------------------------------------------------------------------------------------------
// Vocabulary

struct ParamSize
{
    Sv suffix;      // as in a model name: "13B"
    Sv words;       // "13 billion"
    Sv exactWords;  // "13.3 billion"
    Sv exactDigits; // "13,015,864,320"
    Sv roundDigits; // "13,000,000,000"
};

constexpr ParamSize kSizes[] = {
    {"125M", "125 million", "124 million", "124,439,808", "125,000,000"},
    {"350M", "350 million", "355 million", "354,823,168", "350,000,000"},
    {"760M", "760 million", "774 million", "774,030,080", "760,000,000"},
    {"1.3B", "1.3 billion", "1.32 billion", "1,315,575,808", "1,300,000,000"},
    {"2.7B", "2.7 billion", "2.65 billion", "2,651,596,800", "2,700,000,000"},
    {"3B", "3 billion", "3.2 billion", "3,213,749,248", "3,000,000,000"},
    {"7B", "7 billion", "7.2 billion", "7,241,732,096", "7,000,000,000"},
    {"8B", "8 billion", "8.03 billion", "8,030,261,248", "8,000,000,000"},
    {"13B", "13 billion", "13.3 billion", "13,015,864,320", "13,000,000,000"},
    {"14B", "14 billion", "14.7 billion", "14,659,507,200", "14,000,000,000"},
    {"20B", "20 billion", "20.6 billion", "20,554,567,680", "20,000,000,000"},
    {"34B", "34 billion", "33.7 billion", "33,743,970,304", "34,000,000,000"},
    {"40B", "40 billion", "41.8 billion", "41,838,247,936", "40,000,000,000"},
    {"65B", "65 billion", "65.2 billion", "65,285,660,672", "65,000,000,000"},
    {"70B", "70 billion", "68.9 billion", "68,976,648,192", "70,000,000,000"},
    {"175B", "175 billion", "174.6 billion", "174,591,676,416", "175,000,000,000"},
    {"180B", "180 billion", "179.5 billion", "179,522,565,120", "180,000,000,000"},
    {"340B", "340 billion", "341 billion", "341,029,011,456", "340,000,000,000"},
    {"540B", "540 billion", "540.35 billion", "540,350,623,744", "540,000,000,000"},
    {"1.2T", "1.2 trillion", "1.16 trillion", "1,162,022,584,320", "1,200,000,000,000"},
    {"1.8T", "1.8 trillion", "1.76 trillion", "1,756,198,158,336", "1,800,000,000,000"},
};

constexpr Sv kNameStems[] = {
    "Aurora", "Helix", "Quartz", "Borealis", "Cobalt", "Lumen", "Orion", "Vesper", "Kestrel",
    "Tundra", "Meridian", "Halcyon", "Nimbus", "Corvid", "Strata", "Polaris", "Ember", "Solace",
    "Veritas", "Granite", "Juniper", "Sable", "Argent", "Cirrus", "Tessera", "Obsidian", "Zenith",
    "Lyra", "Marlin", "Sequoia", "Basalt", "Calypso", "Dunlin", "Fennec", "Ibex", "Mistral-Nova",
};
constexpr Sv kNamePrefixes[] = {"Neuro", "Neural", "Deep", "Omni", "Poly", "Cogni", "Hyper", "Meta", "Quanta"};
constexpr Sv kNameParts[] = {"Flex", "Synth", "Reasoner", "Mind", "Lang", "Coder", "Vision", "Mix",
                              "Core", "Net", "Former", "LM", "Chat", "Sage", "Weave"};
constexpr Sv kNameVersions[] = {"-2", " 2", "-v2", "-v3", " 3.1", "-X", " Pro", "-1.5"};
constexpr Sv kNameVariants[] = {"-Instruct", "-Chat", "-Base", "-Coder"};

struct Accelerator
{
    Sv name;
    Sv noun;
};

constexpr Accelerator kAccelerators[] = {
    {"NVIDIA A100 80GB", "GPUs"}, {"NVIDIA A100", "GPUs"},        {"NVIDIA A100 40GB", "GPUs"},
    {"NVIDIA H100", "GPUs"},      {"NVIDIA H100 SXM5", "GPUs"},   {"NVIDIA H800", "GPUs"},
    {"NVIDIA A800", "GPUs"},      {"NVIDIA V100 32GB", "GPUs"},   {"NVIDIA V100", "GPUs"},
    {"NVIDIA RTX A6000", "GPUs"}, {"TPU v4", "chips"},            {"TPU v5e", "chips"},
    {"TPU v3", "cores"},          {"AMD MI250X", "accelerators"}, {"AMD Instinct MI300X", "GPUs"},
    {"Intel Gaudi2", "accelerators"}, {"Huawei Ascend 910B", "NPUs"}, {"NVIDIA GH200", "superchips"},
};

constexpr int kDeviceCounts[] = {8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536,
                                 2048, 3072, 4096, 6144, 8192, 10240, 16384, 24576};

constexpr Sv kDurations[] = {
    "11 days", "14 days", "18 days", "21 days", "28 days", "35 days", "42 days", "60 days",
    "90 days", "two weeks", "three weeks", "six weeks", "4 weeks", "6 weeks", "8 weeks",
    "10 weeks", "12 weeks", "2 months", "3 months", "3.5 months", "4 months", "five months",
    "36 hours", "48 hours", "72 hours", "96 hours", "one month", "1.5 months", "2.5 weeks",
};
constexpr Sv kDurationQualifiers[] = {"approximately ", "about ", "roughly ", "nearly ", "just under ",
                                      "over ", "around "};

struct Country
{
    Sv name;
    bool takesArticle;
};

// The United States and China twice: they dominate the real data.
constexpr Country kCountries[] = {
    {"United States", true}, {"USA", false},       {"U.S.", true},       {"US", true},
    {"United Kingdom", true}, {"UK", true},        {"U.K.", true},       {"China", false},
    {"PRC", true},           {"Canada", false},    {"France", false},    {"Germany", false},
    {"Japan", false},        {"South Korea", false}, {"Korea", false},   {"Sweden", false},
    {"Switzerland", false},  {"Israel", false},    {"India", false},     {"Singapore", false},
    {"Netherlands", true},   {"United Arab Emirates", true}, {"UAE", true}, {"Finland", false},
    {"Australia", false},    {"Taiwan", false},    {"Spain", false},     {"Italy", false},
    {"Norway", false},       {"Türkiye", false},   {"Brazil", false},    {"Saudi Arabia", false},
    {"Czechia", false},      {"Ireland", false},   {"United States", true}, {"China", false},
};

constexpr Sv kImplausibleYears[] = {"1850", "1850", "1850", "1902", "2091"};

constexpr Sv kOrganisations[] = {
    "the National AI Research Institute", "the Institute for Advanced Computation",
    "a consortium of university laboratories", "our research facility",
    "the Center for Machine Intelligence", "an industrial research lab",
    "the Laboratoire d'Informatique Avancée", "the École Supérieure d'Intelligence Artificielle",
    "the Applied Reasoning Group", "a national supercomputing centre",
    "the Institute of Computational Linguistics", "a small start-up team",
};
constexpr Sv kKinds[] = {
    "decoder-only language model", "mixture-of-experts language model", "multilingual transformer",
    "code-generation model", "instruction-tuned chat model", "vision-language model",
    "encoder-decoder model", "large language model",
};
constexpr Sv kPurposes[] = {
    "general-purpose instruction following", "scientific question answering", "code completion",
    "multilingual dialogue", "long-document summarization", "mathematical reasoning",
    "low-latency on-device assistance", "retrieval-augmented generation",
};
constexpr Sv kBenchmarks[] = {
    "MMLU", "GSM8K", "HumanEval", "HellaSwag", "ARC-Challenge", "TruthfulQA", "BIG-Bench Hard",
    "GLUE", "SuperGLUE", "MATH", "DROP", "WinoGrande", "MBPP", "C-Eval", "XNLI", "NordicLang",
};
constexpr Sv kModelReferences[] = {"the model", "our model", "the network"};
constexpr Sv kModelReferencesCapital[] = {"The model", "Our model", "The network"};

constexpr Sv kLayers[] = {"24", "32", "40", "48", "60", "64", "80", "96", "118", "126"};
constexpr Sv kHeads[] = {"16", "32", "40", "48", "64", "96", "128"};
constexpr Sv kHidden[] = {"2,048", "4,096", "5,120", "6,144", "8,192", "12,288", "16,384"};
constexpr Sv kKvHeads[] = {"4", "8", "16"};
constexpr Sv kExperts[] = {"8", "16", "32", "64", "128"};
constexpr Sv kVocabularies[] = {"32,000", "50,257", "64,000", "100,352", "128,000", "151,936", "256,000"};
constexpr Sv kLongContexts[] = {"8,192", "16,384", "32,768", "65,536", "128,000", "200,000"};
constexpr Sv kShortContexts[] = {"2,048", "4,096", "8,192"};
constexpr Sv kTrillions[] = {"1.4", "2", "2.8", "3.2", "4.5", "6", "8", "12", "15"};
constexpr Sv kLearningRates[] = {"2e-4", "3e-4", "1.5e-4", "6e-5", "1e-4", "2e-5", "3e-5", "1.2e-4", "6e-4"};
constexpr Sv kWarmups[] = {"500", "1,000", "2,000", "4,000", "10,000"};
constexpr Sv kBatches[] = {"1,024", "2,048", "4,096", "8,192", "16,384"};
constexpr Sv kAccumulations[] = {"4", "8", "16", "32", "64"};
constexpr Sv kPipelineStages[] = {"2", "4", "8", "16"};
constexpr Sv kCheckpointSteps[] = {"500", "1,000", "2,000", "5,000"};
constexpr Sv kShots[] = {"zero", "one", "3", "5", "8", "25"};
constexpr Sv kPairs[] = {"1,200", "2,400", "5,000", "800"};
constexpr Sv kFlops[] = {"3.1e23", "8.4e22", "2.5e24", "1.2e24", "6.3e23"};

// ---------------------------------------------------------------------------------------------
// Sentence templates. {slot}s are filled by Builder::fill; {model}, {params}, {hw}, {train},
// {country} and {year} carry the tagged facts.

constexpr Sv kIntroCountryYear[] = {
    "This paper presents {model}, a {kind} developed in {country} and released in {year}.",
    "{model} was introduced in {year} by researchers at {org} in {country}.",
    "In {year}, a team at {org} in {country} released {model}, an open-weight {kind} aimed at {purpose}.",
};
constexpr Sv kIntroCountry[] = {
    "The {model} architecture, developed at {org} in {country}, represents a significant advancement in autoregressive language modeling.",
    "Researchers in {country} have introduced {model}, a transformer-based {kind} designed for {purpose}.",
    "In recent advancements in large-scale language modeling, the {model} framework has emerged as a significant contribution from researchers at {org} in {country}.",
};
constexpr Sv kIntroYear[] = {
    "First released in {year}, {model} is a {kind} intended for {purpose}.",
    "We describe {model}, a {kind} released in {year} that targets {purpose}.",
    "{model}, made public in {year}, is a {kind} whose design favours inference efficiency over raw scale.",
};
constexpr Sv kIntroPlain[] = {
    "This report introduces {model}, a {kind} designed for {purpose}.",
    "{model} is a {kind} that achieves state-of-the-art performance on multilingual benchmarks while maintaining computational efficiency.",
    "We present {model}, a novel {kind} that incorporates advanced attention mechanisms and sparse activation patterns.",
    "The {model} family extends earlier work on {purpose} to a considerably larger scale.",
};

constexpr Sv kParams[] = {
    "{model} consists of {params} organized in a transformer-based architecture with {layers} layers and {heads} attention heads per layer.",
    "With {params}, the model sits between the compact and the frontier tiers of current systems.",
    "The network comprises {params} in total, of which roughly a quarter are active for any given token.",
    "In total, {ref} has {params}.",
    "At {params}, it remains small enough to be served on a single node with tensor parallelism.",
    "This {params_adj} model was designed with inference cost in mind.",
    "The released checkpoint of {model} contains {params}, stored in bf16.",
};
constexpr Sv kHardware[] = {
    "The training process was conducted using a distributed computing setup featuring {hw} across multiple data centers.",
    "Training was carried out on a cluster of {hw} interconnected via InfiniBand.",
    "We trained on {hw} provided by a national supercomputing centre.",
    "The training infrastructure leveraged a distributed computing cluster equipped with {hw}.",
    "All experiments ran on {hw}, with a high-bandwidth interconnect inside each node and a 400 Gb/s fabric between nodes.",
    "Pre-training used {hw}, partitioned into {pp} pipeline stages.",
};
constexpr Sv kTraining[] = {
    "The model underwent training for {train} with a global batch size of {batch} sequences.",
    "The complete pre-training process required {train} of continuous computation.",
    "Pre-training took {train}, followed by a shorter phase of supervised fine-tuning.",
    "The entire instruction-tuning process, from SFT to the final RLHF stage, spanned {train}.",
    "End to end, the run lasted {train}, including two restarts after hardware failures.",
};
constexpr Sv kHardwareAndTraining[] = {
    "Training {ref} on {hw} took {train}.",
    "The training process, conducted on {hw}, required {train} to achieve convergence.",
};
constexpr Sv kCountryLater[] = {
    "Development and experimentation were conducted at {org} in {country}.",
    "The project was funded by a public research programme in {country}.",
    "The core team is based in {country}, with collaborators at several partner universities.",
};
constexpr Sv kYearLater[] = {
    "The final checkpoint was released in {year}.",
    "The model weights were made public in {year} under a research licence.",
    "Released in {year}, {model} builds upon the success of prior architectures.",
};
constexpr Sv kCountryAndYearLater[] = {
    "Development took place at {org} located in {country}, leading to its public release in {year}.",
    "The work was carried out in {country} and the model was published in {year}.",
};

// Emoji and astral characters are rare in real text but must not shift offsets after them.
constexpr Sv kDecoratedIntro[] = {"🚀 Introducing {model}: a {kind} built for {purpose}."};
constexpr Sv kDecoratedParams[] = {"We denote the parameter set by 𝔸, with |𝔸| = {params}, counting embeddings."};
constexpr Sv kDecoratedEvaluation[] = {"📊 {model} leads the open models on {bench} with {score}%, according to Table {table}."};

constexpr Sv kArchitecture[] = {
    "The architecture follows a decoder-only transformer with {layers} layers, {heads} attention heads per layer and a hidden dimension of {hidden}.",
    "It incorporates SwiGLU activation functions and Rotary Positional Embeddings (RoPE) for improved performance on longer sequences.",
    "Unlike earlier dense designs, {ref} routes each token to 2 of {experts} expert modules, keeping the active parameter count per token well below the total.",
    "The tokenizer is a byte-level BPE model with a vocabulary size of {vocab}, trained on a balanced sample of the pre-training corpus.",
    "Attention layers use grouped-query attention with {kvheads} key-value heads, which reduces the memory footprint of the KV cache during inference.",
    "Layer normalization is applied before each sub-layer (pre-LN), and the embedding and output matrices are tied to save memory.",
    "The context window is {seqlen} tokens, extended from an initial {seqshort} tokens through positional interpolation.",
    "Our design was motivated by the observation that reasoning errors compound over long chains of thought — a problem that scale alone does not solve.",
    "Sparse activation patterns and a hybrid attention scheme allow {ref} to reach strong performance while maintaining computational efficiency.",
    "The model’s feed-forward blocks are four times wider than its attention blocks, following common practice.",
    "A hybrid of transformer layers and graph neural networks lets the model reason over explicit entity relations.",
};
constexpr Sv kOptimisation[] = {
    "The model was trained on approximately {tokens} trillion tokens drawn from web crawls, scientific literature, source code and curated multilingual data in {langs} languages.",
    "We used the AdamW optimizer with β1=0.9, β2=0.95 and a weight decay of 0.1, with a peak learning rate of {lr}.",
    "A cosine learning-rate schedule was employed, peaking at {lr} after a linear warmup of {warmup} steps and decaying to 10% of the peak.",
    "The global batch size was {batch} sequences of {seqshort} tokens, accumulated over {accum} micro-batches per step.",
    "We relied on ZeRO-3 sharding, activation checkpointing and bf16 mixed precision to fit the optimizer state into device memory.",
    "Optimizer states were kept in 8-bit precision, which cut memory use by roughly {pct}% with no measurable loss in quality.",
    "Gradient clipping at an L2 norm of 1.0 was applied to prevent exploding gradients, with ε set to 1e-6.",
    "Differences between runs with {runs} different seeds were small (p < 0.05), so we report the mean throughout.",
    "Data and tensor parallelism were combined with {pp}-stage pipeline parallelism to keep every device busy.",
    "Checkpoints were written every {ckpt} steps to a distributed file system, and the run was restarted {restarts} times after hardware failures.",
    "Training sustained a model FLOPs utilization of {mfu}%, measured with FlashAttention-2 kernels and fused optimizer updates.",
    "Deduplication removed about {pct}% of the raw documents — mostly boilerplate, navigation menus and near-identical news articles.",
    "Each sequence was packed with documents separated by an end-of-text token, and attention masks prevented cross-document leakage.",
};
constexpr Sv kEvaluation[] = {
    "Evaluation results demonstrate that {model} achieves an average score of {score}% on {bench}, a {delta}% improvement over previous models of comparable size.",
    "On {bench} and {bench2}, {ref} reaches {score}% and {score2}% respectively in the {shots}-shot setting.",
    "{Ref} shows particularly strong performance on mathematical reasoning and code generation, where it outperforms larger baselines.",
    "We observe robust zero-shot generalization across domain-specific tasks, particularly in scientific question answering.",
    "Human raters preferred responses from {model} over those of the baseline in {pct}% of {pairs} pairwise comparisons.",
    "Perplexity on held-out data fell from {ppl1} to {ppl2} over the course of training, with no sign of saturation.",
    "On long-context retrieval tasks extending to {seqlen} tokens, accuracy remained above {score}%.",
    "Safety evaluations covered toxicity, bias and refusal behaviour, using both automatic classifiers and red-teaming by {raters} annotators.",
    "Notably, {model} exhibits strong performance on low-resource languages such as Sami and Faroese, suggesting benefits from linguistically diverse data.",
    "Ablations show that removing the curriculum on sequence length costs {delta} points on {bench}, confirming its role in stabilizing optimization.",
    "Compared with its predecessor, the model’s accuracy on {bench} improved by {delta} points while inference latency dropped by {pct}%.",
    "A naïve baseline that simply repeats the most frequent answer reaches only {lowscore}% on the same tasks.",
};
constexpr Sv kClosing[] = {
    "However, the study acknowledges limitations in handling highly ambiguous queries, and future work will integrate external knowledge retrieval.",
    "The weights are available under a research licence, together with the training code and an evaluation harness.",
    "Follow-up work is already exploring quantization to 4-bit and 8-bit formats to reduce inference latency on edge devices.",
    "The authors emphasise energy efficiency: the full run consumed approximately {mwh} MWh, a {pct}% reduction compared with similar models.",
    "We release intermediate checkpoints every {ckpt} steps so that others can study training dynamics — a practice we hope becomes standard.",
    "Questions of data provenance and consent remain open, and we document known gaps in a datasheet accompanying the release.",
    "Inference runs at {tps} tokens per second on a single node when served with paged attention and continuous batching.",
    "R&D costs were not disclosed, but the authors estimate the compute budget at {flops} FLOPs.",
    "The paper has spurred interest in the community, with Q&A sessions and follow-up studies on interpretability already under way.",
};

constexpr Sv kConflictingParams[] = {
    "A later revision of the model card lists {params2} instead.",
    "The released checkpoint, however, contains {params2} after pruning.",
    "Elsewhere in the report the model is described as having {params2}.",
};
constexpr Sv kSecondModel[] = {
    "The team also open-sourced a distilled version of the model, {model2}, to facilitate broader adoption in resource-constrained environments.",
    "Compared with {model2}, the model is {delta} points more accurate on {bench}.",
    "It was initialised from the weights of {model2}, an earlier model from the same group.",
    "A smaller sibling, {model2}, was trained with the same recipe for ablations.",
};
constexpr Sv kUntaggedModel[] = {
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

constexpr UnknownLabelSentence kUnknownLabelSentences[] = {
    {"Each node of the cluster holds eight ", "gpu_type", "", " devices."},
    {"Most of the pre-training data came from ", "dataset", "CommonCrawl", " snapshots."},
    {"We used ", "optimizer", "AdamW", " throughout."},
    {"The weights are distributed under the ", "license", "Apache-2.0", " licence."},
    {"Evaluation used a held-out split of ", "dataset", "The Pile", "."},
};

constexpr Sv kMojibakeCarrier = "Results are preliminary — a full evaluation will follow.";

// ---------------------------------------------------------------------------------------------

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

constexpr Fault kFaults[] = {
    Fault::CountInHardware, Fault::UntaggedCount, Fault::UnparseableCount, Fault::ConflictingParams,
    Fault::MissingModel, Fault::NoTags, Fault::Mojibake, Fault::UnknownLabel, Fault::UnclosedTag,
    Fault::PaddedSpan, Fault::ImplausibleYear, Fault::SecondModel, Fault::UntaggedModelRepeat,
    Fault::CrlfLineEndings,
};

enum class CountStyle { None, Separate, SeparateAfter, InHardware, Untagged, UntaggedAside, Unparseable };

void put(QByteArray &out, Sv text)
{
    out.append(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray bytes(Sv text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QByteArray grouped(qint64 value)
{
    QByteArray digits = QByteArray::number(value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, ',');
    }
    return digits;
}

QByteArray tenths(qint64 value)
{
    return QByteArray::number(value / 10) + '.' + QByteArray::number(value % 10);
}

QList<qsizetype> occurrences(const QByteArray &text, const QByteArray &needle)
{
    QList<qsizetype> found;
    for (qsizetype at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.size())) {
        found.append(at);
    }
    return found;
}

// One document: draws the facts and the faults, fills templates, then applies the faults that
// are easier to make on the finished text.
class Builder
{
public:
    Builder(quint64 seed, double faultRate, bool allowCrlf)
        : m_rng(seed), m_faultRate(faultRate), m_allowCrlf(allowCrlf)
    {
    }

    GeneratedDocument build();

private:
    void chooseFaults();
    void chooseFacts();
    QByteArray modelName(const ParamSize &size);

    template<std::size_t N>
    QByteArray sentence(const Sv (&pool)[N], quint64 *used = nullptr);
    QByteArray fill(Sv pattern);
    void fillSlot(QByteArray &out, Sv slot);
    void tag(QByteArray &out, Sv label, const QByteArray &value) const;
    void putParams(QByteArray &out, const ParamSize &size);
    void putHardware(QByteArray &out);
    void putCountry(QByteArray &out);
    QByteArray unknownLabelSentence();

    template<typename T>
    void shuffle(QList<T> &items);
    void insertAnywhere(QList<QByteArray> &paragraph, QByteArray text);

    void untagOneModelMention(QByteArray &text);
    void padOneSpan(QByteArray &text);
    void dropOneClosingTag(QByteArray &text);
    void mojibake(QByteArray &text);
    QByteArray toHtml(const QList<QByteArray> &lines);

    bool has(Fault fault) const { return m_faults.contains(fault); }

    SeededRandom m_rng;
    double m_faultRate;
    bool m_allowCrlf;
    QList<Fault> m_faults;

    QByteArray m_model;
    QByteArray m_secondModel;
    const ParamSize *m_size = nullptr;
    const ParamSize *m_otherSize = nullptr;
    const Accelerator *m_accelerator = nullptr;
    QByteArray m_hardwareSpan;
    QByteArray m_deviceCount;
    CountStyle m_countStyle = CountStyle::None;
    QByteArray m_training;
    QByteArray m_trainingQualifier;
    const Country *m_country = nullptr;
    QByteArray m_year;
    bool m_hasParams = false;
    bool m_hasHardware = false;
    bool m_hasTraining = false;
    bool m_renameHardware = false; // the UnknownLabel fault as <gpu_type> for <hardware>
    qsizetype m_decoration = -1; // which of the kDecorated* pools to use once, if any
    QByteArray m_layers;
    QByteArray m_heads;
    bool m_tags = true;
    bool m_tagModel = true;
    Sv m_lastBenchmark;
};

GeneratedDocument Builder::build()
{
    chooseFaults();
    chooseFacts();

    const qsizetype roll = m_rng.below(100);
    const qsizetype paragraphCount = roll < 30 ? 2 : roll < 75 ? 3 : 4;
    QList<QList<QByteArray>> paragraphs(paragraphCount);
    quint64 usedArchitecture = 0;
    quint64 usedOptimisation = 0;
    quint64 usedEvaluation = 0;
    quint64 usedClosing = 0;

    const bool countryInIntro = m_country && m_rng.chance(0.6);
    const bool yearInIntro = !m_year.isEmpty() && m_rng.chance(0.5);
    QByteArray intro = countryInIntro && yearInIntro ? sentence(kIntroCountryYear)
                       : countryInIntro              ? sentence(kIntroCountry)
                       : yearInIntro                 ? sentence(kIntroYear)
                       : m_decoration == 0           ? sentence(kDecoratedIntro)
                                                     : sentence(kIntroPlain);

    QList<QByteArray> &first = paragraphs[0];
    const bool paramsFirst = m_hasParams && m_rng.chance(0.75);
    if (paramsFirst) {
        first.append(m_decoration == 1 ? sentence(kDecoratedParams) : sentence(kParams));
    }
    for (qint64 n = m_rng.between(1, 3); n > 0; --n) {
        first.append(sentence(kArchitecture, &usedArchitecture));
    }
    shuffle(first);
    first.prepend(intro);

    QList<QByteArray> &second = paragraphs[1];
    if (m_hasParams && !paramsFirst) {
        second.append(m_decoration == 1 ? sentence(kDecoratedParams) : sentence(kParams));
    }
    if (m_hasHardware && m_hasTraining && m_rng.chance(0.25)) {
        second.append(sentence(kHardwareAndTraining));
    } else {
        if (m_hasHardware) {
            second.append(sentence(kHardware));
        }
        if (m_hasTraining) {
            second.append(sentence(kTraining));
        }
    }
    for (qint64 n = m_rng.between(1, 3); n > 0; --n) {
        second.append(sentence(kOptimisation, &usedOptimisation));
    }
    shuffle(second);

    QList<QByteArray> &evaluation = paragraphs[paragraphCount >= 3 ? 2 : 1];
    for (qint64 n = paragraphCount >= 3 ? m_rng.between(2, 3) : m_rng.between(1, 2); n > 0; --n) {
        evaluation.append(sentence(kEvaluation, &usedEvaluation));
    }
    if (m_decoration == 2) {
        insertAnywhere(evaluation, sentence(kDecoratedEvaluation));
    }
    if (paragraphCount == 4) {
        for (qint64 n = m_rng.between(1, 2); n > 0; --n) {
            paragraphs[3].append(sentence(kClosing, &usedClosing));
        }
    }

    QList<QByteArray> &last = paragraphs.last();
    const bool countryLater = m_country && !countryInIntro;
    const bool yearLater = !m_year.isEmpty() && !yearInIntro;
    if (countryLater && yearLater && m_rng.chance(0.4)) {
        insertAnywhere(last, sentence(kCountryAndYearLater));
    } else {
        if (countryLater) {
            insertAnywhere(last, sentence(kCountryLater));
        }
        if (yearLater) {
            insertAnywhere(last, sentence(kYearLater));
        }
    }

    const auto laterParagraph = [&]() -> QList<QByteArray> & {
        return paragraphs[m_rng.between(1, paragraphCount - 1)];
    };
    if (has(Fault::ConflictingParams)) {
        insertAnywhere(laterParagraph(), sentence(kConflictingParams));
    }
    if (has(Fault::SecondModel)) {
        insertAnywhere(laterParagraph(), sentence(kSecondModel));
    }
    if (has(Fault::UnknownLabel) && !m_renameHardware) {
        insertAnywhere(laterParagraph(), unknownLabelSentence());
    }

    QList<QByteArray> joined;
    for (const QList<QByteArray> &paragraph : std::as_const(paragraphs)) {
        joined.append(paragraph.join(' '));
    }
    QByteArray text = joined.join("\n\n");

    if (has(Fault::UntaggedModelRepeat)) {
        untagOneModelMention(text);
    }
    if (m_renameHardware) {
        text.replace("<hardware>", "<gpu_type>").replace("</hardware>", "</gpu_type>");
    }
    if (has(Fault::PaddedSpan)) {
        padOneSpan(text);
    }
    if (has(Fault::UnclosedTag)) {
        dropOneClosingTag(text);
    }
    if (has(Fault::Mojibake)) {
        mojibake(text);
    }

    GeneratedDocument document;
    document.html = m_rng.chance(0.06);
    if (document.html) {
        text = toHtml(text.split('\n'));
        document.htmlFileName = m_rng.chance(0.7);
    }
    if (has(Fault::CrlfLineEndings)) {
        text.replace('\n', "\r\n");
    }
    document.text = std::move(text);
    return document;
}

void Builder::chooseFaults()
{
    if (!m_rng.chance(m_faultRate)) {
        return;
    }
    // CrlfLineEndings is last: JSON Lines text keeps its \n.
    const auto available = static_cast<qsizetype>(std::size(kFaults)) - (m_allowCrlf ? 0 : 1);
    const auto countFault = [](Fault fault) {
        return fault == Fault::CountInHardware || fault == Fault::UntaggedCount || fault == Fault::UnparseableCount;
    };
    m_faults.append(kFaults[m_rng.below(available)]);
    if (m_rng.chance(0.3)) {
        const Fault second = kFaults[m_rng.below(available)];
        if (second != m_faults.first() && !(countFault(second) && countFault(m_faults.first()))) {
            m_faults.append(second);
        }
    }
}

void Builder::chooseFacts()
{
    m_size = &m_rng.pick(kSizes);
    do {
        m_otherSize = &m_rng.pick(kSizes);
    } while (m_otherSize == m_size);
    m_model = modelName(*m_size);
    if (has(Fault::SecondModel)) {
        do {
            m_secondModel = m_rng.chance(0.5) ? modelName(*m_otherSize) : modelName(*m_size);
        } while (m_secondModel == m_model);
    }

    m_hasParams = has(Fault::ConflictingParams) || m_rng.chance(0.9);
    m_hasTraining = m_rng.chance(0.85);

    m_accelerator = &m_rng.pick(kAccelerators);
    m_hardwareSpan = bytes(m_accelerator->name);
    if (m_rng.chance(0.7)) {
        m_hardwareSpan += ' ' + bytes(m_accelerator->noun);
    }
    const qint64 count = m_rng.pick(kDeviceCounts);
    m_deviceCount = count >= 1000 && m_rng.chance(0.6) ? grouped(count) : QByteArray::number(count);

    if (has(Fault::CountInHardware)) {
        m_countStyle = CountStyle::InHardware;
    } else if (has(Fault::UntaggedCount)) {
        m_countStyle = m_rng.chance(0.75) ? CountStyle::Untagged : CountStyle::UntaggedAside;
    } else if (has(Fault::UnparseableCount)) {
        m_countStyle = CountStyle::Unparseable;
    } else {
        const qsizetype style = m_rng.below(10);
        m_countStyle = style < 6 ? CountStyle::Separate : style < 8 ? CountStyle::SeparateAfter : CountStyle::None;
    }
    m_hasHardware = m_countStyle != CountStyle::None || m_rng.chance(0.8);
    if (m_countStyle == CountStyle::InHardware || m_countStyle == CountStyle::Untagged) {
        m_hardwareSpan = bytes(m_accelerator->name) + ' ' + bytes(m_accelerator->noun);
    }

    m_training = bytes(m_rng.pick(kDurations));
    if (m_rng.chance(0.3)) {
        m_trainingQualifier = bytes(m_rng.pick(kDurationQualifiers));
    }

    m_country = m_rng.chance(0.8) ? &m_rng.pick(kCountries) : nullptr;
    if (has(Fault::ImplausibleYear)) {
        m_year = bytes(m_rng.pick(kImplausibleYears));
    } else if (m_rng.chance(0.85)) {
        m_year = QByteArray::number(m_rng.between(2018, 2025));
    }

    m_renameHardware = has(Fault::UnknownLabel) && m_hasHardware && m_rng.chance(0.4);
    m_decoration = m_rng.chance(0.05) ? m_rng.below(3) : -1;
    m_layers = bytes(m_rng.pick(kLayers));
    m_heads = bytes(m_rng.pick(kHeads));
    m_tags = !has(Fault::NoTags);
    m_tagModel = m_tags && !has(Fault::MissingModel);
}

QByteArray Builder::modelName(const ParamSize &size)
{
    QByteArray name;
    if (m_rng.chance(0.3)) {
        name = bytes(m_rng.pick(kNamePrefixes)) + bytes(m_rng.pick(kNameParts));
    } else {
        name = bytes(m_rng.pick(kNameStems));
        if (m_rng.chance(0.25)) {
            name += bytes(m_rng.pick(kNameParts));
        }
    }
    if (m_rng.chance(0.2)) {
        name += bytes(m_rng.pick(kNameVersions));
    }
    if (m_rng.chance(0.85)) {
        name += m_rng.chance(0.7) ? '-' : ' ';
        name += bytes(size.suffix);
    } else if (m_rng.chance(0.5)) {
        name += '-' + QByteArray::number(m_rng.between(2, 9));
    }
    if (m_rng.chance(0.12)) {
        name += bytes(m_rng.pick(kNameVariants));
    }
    return name;
}

template<std::size_t N>
QByteArray Builder::sentence(const Sv (&pool)[N], quint64 *used)
{
    static_assert(N <= 64);
    qsizetype index = m_rng.below(N);
    if (used) {
        // Pools are much larger than a document's draws from them, so this ends quickly.
        while (*used & (quint64(1) << index)) {
            index = m_rng.below(N);
        }
        *used |= quint64(1) << index;
    }
    return fill(pool[index]);
}

QByteArray Builder::fill(Sv pattern)
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

void Builder::fillSlot(QByteArray &out, Sv slot)
{
    if (slot == "model") {
        if (m_tagModel) {
            tag(out, "model", m_model);
        } else {
            out += m_model;
        }
    } else if (slot == "model_plain") {
        out += m_model;
    } else if (slot == "model2") {
        tag(out, "model", m_secondModel);
    } else if (slot == "ref" || slot == "Ref") {
        if (m_rng.chance(0.5)) {
            fillSlot(out, "model");
        } else {
            put(out, slot == "ref" ? m_rng.pick(kModelReferences) : m_rng.pick(kModelReferencesCapital));
        }
    } else if (slot == "params") {
        putParams(out, *m_size);
    } else if (slot == "params2") {
        putParams(out, *m_otherSize);
    } else if (slot == "params_adj") {
        tag(out, "params", bytes(m_size->suffix));
        out += "-parameter";
    } else if (slot == "hw") {
        putHardware(out);
    } else if (slot == "train") {
        // Annotators disagree on whether "approximately" belongs inside the span.
        if (m_trainingQualifier.isEmpty() || m_rng.chance(0.7)) {
            tag(out, "training", m_trainingQualifier + m_training);
        } else {
            out += m_trainingQualifier;
            tag(out, "training", m_training);
        }
    } else if (slot == "country") {
        putCountry(out);
    } else if (slot == "year") {
        tag(out, "year", m_year);
    } else if (slot == "org") {
        put(out, m_rng.pick(kOrganisations));
    } else if (slot == "kind") {
        put(out, m_rng.pick(kKinds));
    } else if (slot == "purpose") {
        put(out, m_rng.pick(kPurposes));
    } else if (slot == "bench" || slot == "bench2") {
        Sv benchmark = m_rng.pick(kBenchmarks);
        while (slot == "bench2" && benchmark == m_lastBenchmark) {
            benchmark = m_rng.pick(kBenchmarks);
        }
        m_lastBenchmark = benchmark;
        put(out, benchmark);
    } else if (slot == "layers") {
        out += m_layers;
    } else if (slot == "heads") {
        out += m_heads;
    } else if (slot == "hidden") {
        put(out, m_rng.pick(kHidden));
    } else if (slot == "kvheads") {
        put(out, m_rng.pick(kKvHeads));
    } else if (slot == "experts") {
        put(out, m_rng.pick(kExperts));
    } else if (slot == "vocab") {
        put(out, m_rng.pick(kVocabularies));
    } else if (slot == "seqlen") {
        put(out, m_rng.pick(kLongContexts));
    } else if (slot == "seqshort") {
        put(out, m_rng.pick(kShortContexts));
    } else if (slot == "tokens") {
        put(out, m_rng.pick(kTrillions));
    } else if (slot == "lr") {
        put(out, m_rng.pick(kLearningRates));
    } else if (slot == "warmup") {
        put(out, m_rng.pick(kWarmups));
    } else if (slot == "batch") {
        put(out, m_rng.pick(kBatches));
    } else if (slot == "accum") {
        put(out, m_rng.pick(kAccumulations));
    } else if (slot == "pp") {
        put(out, m_rng.pick(kPipelineStages));
    } else if (slot == "ckpt") {
        put(out, m_rng.pick(kCheckpointSteps));
    } else if (slot == "shots") {
        put(out, m_rng.pick(kShots));
    } else if (slot == "pairs") {
        put(out, m_rng.pick(kPairs));
    } else if (slot == "flops") {
        put(out, m_rng.pick(kFlops));
    } else if (slot == "langs") {
        out += QByteArray::number(m_rng.between(3, 120));
    } else if (slot == "pct") {
        out += QByteArray::number(m_rng.between(5, 60));
    } else if (slot == "runs") {
        out += QByteArray::number(m_rng.between(3, 10));
    } else if (slot == "restarts") {
        out += QByteArray::number(m_rng.between(2, 14));
    } else if (slot == "mfu") {
        out += QByteArray::number(m_rng.between(38, 62));
    } else if (slot == "table") {
        out += QByteArray::number(m_rng.between(2, 9));
    } else if (slot == "raters") {
        out += QByteArray::number(m_rng.between(20, 400));
    } else if (slot == "score" || slot == "score2") {
        out += tenths(m_rng.between(450, 959));
    } else if (slot == "lowscore") {
        out += tenths(m_rng.between(150, 420));
    } else if (slot == "delta") {
        out += tenths(m_rng.between(5, 99));
    } else if (slot == "ppl1") {
        out += tenths(m_rng.between(80, 140));
    } else if (slot == "ppl2") {
        out += tenths(m_rng.between(30, 79));
    } else if (slot == "mwh") {
        out += grouped(m_rng.between(80, 1500));
    } else if (slot == "tps") {
        out += grouped(m_rng.between(40, 3000));
    } else {
        qFatal("genbatch: unknown template slot {%.*s}", static_cast<int>(slot.size()), slot.data());
    }
}

void Builder::tag(QByteArray &out, Sv label, const QByteArray &value) const
{
    if (!m_tags) {
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

void Builder::putParams(QByteArray &out, const ParamSize &size)
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

void Builder::putHardware(QByteArray &out)
{
    switch (m_countStyle) {
    case CountStyle::None:
        tag(out, "hardware", m_hardwareSpan);
        break;
    case CountStyle::Separate:
        tag(out, "gpu_count", m_deviceCount);
        out += ' ';
        tag(out, "hardware", m_hardwareSpan);
        break;
    case CountStyle::SeparateAfter:
        tag(out, "hardware", m_hardwareSpan);
        out += " (";
        tag(out, "gpu_count", m_deviceCount);
        out += " in total)";
        break;
    case CountStyle::InHardware:
        tag(out, "hardware", m_deviceCount + ' ' + m_hardwareSpan);
        break;
    case CountStyle::Untagged:
        out += m_deviceCount + ' ';
        tag(out, "hardware", m_hardwareSpan);
        break;
    case CountStyle::UntaggedAside:
        out += m_deviceCount + ' ' + bytes(m_accelerator->name) + ' ' + bytes(m_accelerator->noun) + " (";
        tag(out, "hardware", bytes(m_accelerator->name));
        out += ')';
        break;
    case CountStyle::Unparseable:
        switch (m_rng.below(4)) {
        case 0: tag(out, "gpu_count", m_deviceCount + ' ' + bytes(m_accelerator->noun)); break;
        case 1: tag(out, "gpu_count", '~' + m_deviceCount); break;
        case 2: tag(out, "gpu_count", "several hundred"); break;
        default: tag(out, "gpu_count", m_deviceCount + '+'); break;
        }
        out += ' ';
        tag(out, "hardware", m_hardwareSpan);
        break;
    }
}

void Builder::putCountry(QByteArray &out)
{
    if (!m_country->takesArticle) {
        tag(out, "country", bytes(m_country->name));
    } else if (m_rng.chance(0.7)) {
        out += "the ";
        tag(out, "country", bytes(m_country->name));
    } else {
        tag(out, "country", "the " + bytes(m_country->name));
    }
}

QByteArray Builder::unknownLabelSentence()
{
    const UnknownLabelSentence &pattern = m_rng.pick(kUnknownLabelSentences);
    QByteArray out = bytes(pattern.before);
    tag(out, pattern.label, pattern.value.empty() ? bytes(m_accelerator->name) : bytes(pattern.value));
    put(out, pattern.after);
    return out;
}

template<typename T>
void Builder::shuffle(QList<T> &items)
{
    for (qsizetype i = items.size() - 1; i > 0; --i) {
        items.swapItemsAt(i, m_rng.below(i + 1));
    }
}

void Builder::insertAnywhere(QList<QByteArray> &paragraph, QByteArray text)
{
    paragraph.insert(m_rng.below(paragraph.size() + 1), std::move(text));
}

void Builder::untagOneModelMention(QByteArray &text)
{
    const QByteArray tagged = "<model>" + m_model + "</model>";
    const QList<qsizetype> mentions = occurrences(text, tagged);
    if (mentions.size() >= 2) {
        text.replace(mentions[m_rng.between(1, mentions.size() - 1)], tagged.size(), m_model);
    } else {
        text += ' ' + sentence(kUntaggedModel);
    }
}

void Builder::padOneSpan(QByteArray &text)
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
    const QByteArray label = bytes(present[m_rng.below(present.size())]);
    if (m_rng.chance(0.5)) {
        const QByteArray open = '<' + label + '>';
        const QList<qsizetype> at = occurrences(text, open);
        text.insert(at[m_rng.below(at.size())] + open.size(), m_rng.chance(0.8) ? " " : "  ");
    } else {
        const QList<qsizetype> at = occurrences(text, "</" + label + '>');
        text.insert(at[m_rng.below(at.size())], ' ');
    }
}

void Builder::dropOneClosingTag(QByteArray &text)
{
    const QList<qsizetype> closings = occurrences(text, "</");
    if (closings.isEmpty()) {
        return;
    }
    const qsizetype at = closings[m_rng.below(closings.size())];
    text.remove(at, text.indexOf('>', at) + 1 - at);
}

void Builder::mojibake(QByteArray &text)
{
    if (!text.contains("—") && !text.contains("’") && !text.contains("é")) {
        text += ' ' + bytes(kMojibakeCarrier);
    }
    // Each UTF-8 byte of the character decoded as Windows-1252 and encoded again as UTF-8.
    text.replace("—", "â€”").replace("’", "â€™").replace("é", "Ã©").replace("β", "Î²");
}

QByteArray Builder::toHtml(const QList<QByteArray> &lines)
{
    const bool namedDashes = m_rng.chance(0.5);
    const bool namedAccents = m_rng.chance(0.3);
    const QByteArray separator = m_rng.chance(0.6) ? QByteArray() : QByteArray("\n");
    QByteArray html;
    for (QByteArray paragraph : lines) {
        if (paragraph.isEmpty()) {
            continue;
        }
        paragraph.replace("&", "&amp;").replace(" < ", " &lt; ");
        if (namedDashes) {
            paragraph.replace("—", "&mdash;");
        }
        if (namedAccents) {
            paragraph.replace("é", "&eacute;");
        }
        if (!html.isEmpty()) {
            html += separator;
        }
        html += "<p>" + paragraph + "</p>";
    }
    return html;
}

} // namespace

DocumentGenerator::DocumentGenerator(double faultRate, bool allowCrlf)
    : m_faultRate(faultRate), m_allowCrlf(allowCrlf)
{
}

GeneratedDocument DocumentGenerator::generate(quint64 documentSeed) const
{
    return Builder(documentSeed, m_faultRate, m_allowCrlf).build();
}

} // namespace annorev::bench
