#pragma once

#include <string_view>

namespace annorev::bench {

using Sv = std::string_view;

// The words a generated document is made of: the facts it states about its model and the words
// around them. Every pick from these lists is a draw of the document's SeededRandom, so changing a
// list changes every batch generated after it.

struct ParamSize
{
    Sv suffix;      // as in a model name: "13B"
    Sv words;       // "13 billion"
    Sv exactWords;  // "13.3 billion"
    Sv exactDigits; // "13,015,864,320"
    Sv roundDigits; // "13,000,000,000"
};

inline constexpr ParamSize kSizes[] = {
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

inline constexpr Sv kNameStems[] = {
    "Aurora", "Helix", "Quartz", "Borealis", "Cobalt", "Lumen", "Orion", "Vesper", "Kestrel",
    "Tundra", "Meridian", "Halcyon", "Nimbus", "Corvid", "Strata", "Polaris", "Ember", "Solace",
    "Veritas", "Granite", "Juniper", "Sable", "Argent", "Cirrus", "Tessera", "Obsidian", "Zenith",
    "Lyra", "Marlin", "Sequoia", "Basalt", "Calypso", "Dunlin", "Fennec", "Ibex", "Mistral-Nova",
};
inline constexpr Sv kNamePrefixes[] = {"Neuro", "Neural", "Deep", "Omni", "Poly", "Cogni", "Hyper", "Meta", "Quanta"};
inline constexpr Sv kNameParts[] = {"Flex", "Synth", "Reasoner", "Mind", "Lang", "Coder", "Vision", "Mix",
                              "Core", "Net", "Former", "LM", "Chat", "Sage", "Weave"};
inline constexpr Sv kNameVersions[] = {"-2", " 2", "-v2", "-v3", " 3.1", "-X", " Pro", "-1.5"};
inline constexpr Sv kNameVariants[] = {"-Instruct", "-Chat", "-Base", "-Coder"};

struct Accelerator
{
    Sv name;
    Sv noun;
};

inline constexpr Accelerator kAccelerators[] = {
    {"NVIDIA A100 80GB", "GPUs"}, {"NVIDIA A100", "GPUs"},        {"NVIDIA A100 40GB", "GPUs"},
    {"NVIDIA H100", "GPUs"},      {"NVIDIA H100 SXM5", "GPUs"},   {"NVIDIA H800", "GPUs"},
    {"NVIDIA A800", "GPUs"},      {"NVIDIA V100 32GB", "GPUs"},   {"NVIDIA V100", "GPUs"},
    {"NVIDIA RTX A6000", "GPUs"}, {"TPU v4", "chips"},            {"TPU v5e", "chips"},
    {"TPU v3", "cores"},          {"AMD MI250X", "accelerators"}, {"AMD Instinct MI300X", "GPUs"},
    {"Intel Gaudi2", "accelerators"}, {"Huawei Ascend 910B", "NPUs"}, {"NVIDIA GH200", "superchips"},
};

inline constexpr int kDeviceCounts[] = {8, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536,
                                 2048, 3072, 4096, 6144, 8192, 10240, 16384, 24576};

inline constexpr Sv kDurations[] = {
    "11 days", "14 days", "18 days", "21 days", "28 days", "35 days", "42 days", "60 days",
    "90 days", "two weeks", "three weeks", "six weeks", "4 weeks", "6 weeks", "8 weeks",
    "10 weeks", "12 weeks", "2 months", "3 months", "3.5 months", "4 months", "five months",
    "36 hours", "48 hours", "72 hours", "96 hours", "one month", "1.5 months", "2.5 weeks",
};
inline constexpr Sv kDurationQualifiers[] = {"approximately ", "about ", "roughly ", "nearly ", "just under ",
                                      "over ", "around "};

struct Country
{
    Sv name;
    bool takesArticle;
};

// The United States and China twice: they dominate the real data.
inline constexpr Country kCountries[] = {
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

inline constexpr Sv kImplausibleYears[] = {"1850", "1850", "1850", "1902", "2091"};

inline constexpr Sv kOrganisations[] = {
    "the National AI Research Institute", "the Institute for Advanced Computation",
    "a consortium of university laboratories", "our research facility",
    "the Center for Machine Intelligence", "an industrial research lab",
    "the Laboratoire d'Informatique Avancée", "the École Supérieure d'Intelligence Artificielle",
    "the Applied Reasoning Group", "a national supercomputing centre",
    "the Institute of Computational Linguistics", "a small start-up team",
};
inline constexpr Sv kKinds[] = {
    "decoder-only language model", "mixture-of-experts language model", "multilingual transformer",
    "code-generation model", "instruction-tuned chat model", "vision-language model",
    "encoder-decoder model", "large language model",
};
inline constexpr Sv kPurposes[] = {
    "general-purpose instruction following", "scientific question answering", "code completion",
    "multilingual dialogue", "long-document summarization", "mathematical reasoning",
    "low-latency on-device assistance", "retrieval-augmented generation",
};
inline constexpr Sv kBenchmarks[] = {
    "MMLU", "GSM8K", "HumanEval", "HellaSwag", "ARC-Challenge", "TruthfulQA", "BIG-Bench Hard",
    "GLUE", "SuperGLUE", "MATH", "DROP", "WinoGrande", "MBPP", "C-Eval", "XNLI", "NordicLang",
};
inline constexpr Sv kModelReferences[] = {"the model", "our model", "the network"};
inline constexpr Sv kModelReferencesCapital[] = {"The model", "Our model", "The network"};

inline constexpr Sv kLayers[] = {"24", "32", "40", "48", "60", "64", "80", "96", "118", "126"};
inline constexpr Sv kHeads[] = {"16", "32", "40", "48", "64", "96", "128"};
inline constexpr Sv kHidden[] = {"2,048", "4,096", "5,120", "6,144", "8,192", "12,288", "16,384"};
inline constexpr Sv kKvHeads[] = {"4", "8", "16"};
inline constexpr Sv kExperts[] = {"8", "16", "32", "64", "128"};
inline constexpr Sv kVocabularies[] = {"32,000", "50,257", "64,000", "100,352", "128,000", "151,936", "256,000"};
inline constexpr Sv kLongContexts[] = {"8,192", "16,384", "32,768", "65,536", "128,000", "200,000"};
inline constexpr Sv kShortContexts[] = {"2,048", "4,096", "8,192"};
inline constexpr Sv kTrillions[] = {"1.4", "2", "2.8", "3.2", "4.5", "6", "8", "12", "15"};
inline constexpr Sv kLearningRates[] = {"2e-4", "3e-4", "1.5e-4", "6e-5", "1e-4", "2e-5", "3e-5", "1.2e-4", "6e-4"};
inline constexpr Sv kWarmups[] = {"500", "1,000", "2,000", "4,000", "10,000"};
inline constexpr Sv kBatches[] = {"1,024", "2,048", "4,096", "8,192", "16,384"};
inline constexpr Sv kAccumulations[] = {"4", "8", "16", "32", "64"};
inline constexpr Sv kPipelineStages[] = {"2", "4", "8", "16"};
inline constexpr Sv kCheckpointSteps[] = {"500", "1,000", "2,000", "5,000"};
inline constexpr Sv kShots[] = {"zero", "one", "3", "5", "8", "25"};
inline constexpr Sv kPairs[] = {"1,200", "2,400", "5,000", "800"};
inline constexpr Sv kFlops[] = {"3.1e23", "8.4e22", "2.5e24", "1.2e24", "6.3e23"};

} // namespace annorev::bench
