#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace annorev {

class CountryAliases;

struct TrainingTime
{
    double hours = 0;
    bool approximate = false;
};

// A count written at the start of a hardware mention: "768 NVIDIA A100 GPUs", "8x A100",
// "8xA100-80GB", "64×H100".
struct LeadingCount
{
    qint64 value = 0;
    qsizetype length = 0;     // UTF-16 units of the digits (and thousands commas)
    qsizetype nameBegin = 0;  // where the accelerator name starts after the count and an x/×
};

// Turns span text into values. Every function trims its input first and returns nothing when
// the text does not fit the grammar (a range, a unit it does not know, trailing words).
namespace ValueNormalizer {

// "7.2 billion parameters", "1.8 trillion", "65B", "350M", "1.5 B", "175,000,000", "7.2e9",
// "about twelve billion"
std::optional<double> params(QStringView text);
// Digits with optional thousands commas only: "256", "1,024".
std::optional<qint64> gpuCount(QStringView text);
// "21 days", "approximately 6 weeks", "3.5 months" (30.44-day months), "1 year", "36 hours".
std::optional<TrainingTime> training(QStringView text);
// Digits only; plausibility is decided elsewhere.
std::optional<int> year(QStringView text);
// "768 NVIDIA A100 GPUs" -> "NVIDIA A100": one leading count and one trailing GPU(s), chip(s)
// or accelerator(s) dropped.
QString hardware(QStringView text);
std::optional<LeadingCount> leadingCount(QStringView hardwareText);
// The last size token of a model name ("NeuroFlex-7B" -> 7e9, "X-350m" -> 3.5e8); none for
// "Mixtral-8x7B" because the token is glued to a letter.
std::optional<double> modelNameSize(QStringView modelName);
// Number words one to twenty.
std::optional<int> numberWord(QStringView word);

} // namespace ValueNormalizer

} // namespace annorev
