// The value normaliser on any span text: every value it returns is in its type's range (finite,
// not negative, a number word from one to twenty), and what it cuts from a text lies inside it.
#include "fuzzsupport.h"
#include "valuenormalizer.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

using namespace annorev;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto params = ValueNormalizer::params(text)) {
        fuzz::require(std::isfinite(*params) && *params >= 0, "params: finite and not negative");
    }
    if (const auto count = ValueNormalizer::gpuCount(text)) {
        fuzz::require(*count >= 0, "gpuCount: not negative");
    }
    if (const auto time = ValueNormalizer::training(text)) {
        fuzz::require(std::isfinite(time->hours) && time->hours >= 0, "training: finite hours, not negative");
    }
    if (const auto year = ValueNormalizer::year(text)) {
        fuzz::require(*year >= 0, "year: not negative");
    }
    const QString hardware = ValueNormalizer::hardware(text);
    fuzz::require(text.contains(hardware), "hardware: a part of the text");
    const QStringView trimmed = QStringView(text).trimmed();
    if (const auto count = ValueNormalizer::leadingCount(trimmed)) {
        fuzz::require(count->value >= 0 && count->length > 0 && count->length <= count->nameBegin &&
                          count->nameBegin < trimmed.size(),
                      "leadingCount: a count, then a name inside the text");
    }
    if (const auto modelSize = ValueNormalizer::modelNameSize(text)) {
        fuzz::require(std::isfinite(*modelSize) && *modelSize >= 0, "modelNameSize: finite and not negative");
    }
    if (const auto word = ValueNormalizer::numberWord(text)) {
        fuzz::require(*word >= 1 && *word <= 20, "numberWord: one to twenty");
    }
    return 0;
}
