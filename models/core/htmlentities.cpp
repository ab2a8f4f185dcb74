#include "htmlentities.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace annorev::HtmlEntities {

namespace {

using namespace std::string_view_literals;

struct NamedReference
{
    std::string_view name;
    char32_t first;
    char32_t second;
    bool semicolonOptional;
};

#include "htmlentitytable.inc"

constexpr bool sortedByName()
{
    for (std::size_t i = 1; i < std::size(namedReferences); ++i) {
        if (!(namedReferences[i - 1].name < namedReferences[i].name)) {
            return false;
        }
    }
    return true;
}
static_assert(sortedByName());

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

} // namespace

int decode(QByteArrayView text, CodePoints *codePoints)
{
    // "&#x10FFFF;" with leading zeros to spare.
    constexpr qsizetype longest = 12;
    if (text.size() < 3 || text[0] != '&') {
        return 0;
    }
    if (text[1] == '#') {
        const bool hex = text.size() > 2 && (text[2] == 'x' || text[2] == 'X');
        qsizetype i = hex ? 3 : 2;
        const qsizetype digitsBegin = i;
        char32_t value = 0;
        for (; i < text.size() && i < longest; ++i) {
            const int digit = hex ? hexValue(text[i]) : (text[i] >= '0' && text[i] <= '9' ? text[i] - '0' : -1);
            if (digit < 0) {
                break;
            }
            value = value * (hex ? 16 : 10) + char32_t(digit);
        }
        if (i == digitsBegin || i >= text.size() || text[i] != ';' || i >= longest) {
            return 0;
        }
        if (value == 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
            return 0;
        }
        *codePoints = {value, 0};
        return int(i + 1);
    }
    qsizetype i = 1;
    while (i < text.size() && isAsciiAlnum(text[i])) {
        if (std::size_t(i) > longestName) {
            return 0;
        }
        ++i;
    }
    if (i == 1) {
        return 0;
    }
    const std::string_view name(text.data() + 1, std::size_t(i - 1));
    const auto it =
        std::lower_bound(std::begin(namedReferences), std::end(namedReferences), name,
                         [](const NamedReference &entry, std::string_view key) { return entry.name < key; });
    if (it == std::end(namedReferences) || it->name != name) {
        return 0;
    }
    const bool semicolon = i < text.size() && text[i] == ';';
    if (!semicolon && (!it->semicolonOptional || (i < text.size() && text[i] == '='))) {
        return 0;
    }
    *codePoints = {it->first, it->second};
    return int(semicolon ? i + 1 : i);
}

} // namespace annorev::HtmlEntities
