#include "htmlentities.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace annorev::HtmlEntities {

namespace {

using namespace std::string_view_literals;

struct Named
{
    std::string_view name;
    char32_t codePoint;
};

// The references that occur in scraped papers; sorted by name for binary search.
constexpr std::array named = {
    Named{"AElig"sv, 0xc6},   Named{"Alpha"sv, 0x391},  Named{"Beta"sv, 0x392},   Named{"Delta"sv, 0x394},
    Named{"Gamma"sv, 0x393},  Named{"Lambda"sv, 0x39b}, Named{"Omega"sv, 0x3a9},  Named{"Phi"sv, 0x3a6},
    Named{"Pi"sv, 0x3a0},     Named{"Psi"sv, 0x3a8},    Named{"Sigma"sv, 0x3a3},  Named{"Theta"sv, 0x398},
    Named{"aacute"sv, 0xe1},  Named{"acute"sv, 0xb4},   Named{"agrave"sv, 0xe0},  Named{"alpha"sv, 0x3b1},
    Named{"amp"sv, 0x26},     Named{"apos"sv, 0x27},    Named{"approx"sv, 0x2248}, Named{"auml"sv, 0xe4},
    Named{"beta"sv, 0x3b2},   Named{"bull"sv, 0x2022},  Named{"ccedil"sv, 0xe7},  Named{"cent"sv, 0xa2},
    Named{"copy"sv, 0xa9},    Named{"deg"sv, 0xb0},     Named{"delta"sv, 0x3b4},  Named{"divide"sv, 0xf7},
    Named{"eacute"sv, 0xe9},  Named{"egrave"sv, 0xe8},  Named{"epsilon"sv, 0x3b5}, Named{"equiv"sv, 0x2261},
    Named{"eta"sv, 0x3b7},    Named{"euml"sv, 0xeb},    Named{"euro"sv, 0x20ac},  Named{"gamma"sv, 0x3b3},
    Named{"ge"sv, 0x2265},    Named{"gt"sv, 0x3e},      Named{"hellip"sv, 0x2026}, Named{"iacute"sv, 0xed},
    Named{"infin"sv, 0x221e}, Named{"iuml"sv, 0xef},    Named{"kappa"sv, 0x3ba},  Named{"lambda"sv, 0x3bb},
    Named{"laquo"sv, 0xab},   Named{"larr"sv, 0x2190},  Named{"ldquo"sv, 0x201c}, Named{"le"sv, 0x2264},
    Named{"lsquo"sv, 0x2018}, Named{"lt"sv, 0x3c},      Named{"mdash"sv, 0x2014}, Named{"micro"sv, 0xb5},
    Named{"middot"sv, 0xb7},  Named{"minus"sv, 0x2212}, Named{"mu"sv, 0x3bc},     Named{"nbsp"sv, 0xa0},
    Named{"ndash"sv, 0x2013}, Named{"ne"sv, 0x2260},    Named{"ntilde"sv, 0xf1},  Named{"oacute"sv, 0xf3},
    Named{"omega"sv, 0x3c9},  Named{"ouml"sv, 0xf6},    Named{"para"sv, 0xb6},    Named{"phi"sv, 0x3c6},
    Named{"pi"sv, 0x3c0},     Named{"plusmn"sv, 0xb1},  Named{"pound"sv, 0xa3},   Named{"prime"sv, 0x2032},
    Named{"quot"sv, 0x22},    Named{"raquo"sv, 0xbb},   Named{"rarr"sv, 0x2192},  Named{"rdquo"sv, 0x201d},
    Named{"reg"sv, 0xae},     Named{"rho"sv, 0x3c1},    Named{"rsquo"sv, 0x2019}, Named{"sect"sv, 0xa7},
    Named{"shy"sv, 0xad},     Named{"sigma"sv, 0x3c3},  Named{"sup2"sv, 0xb2},    Named{"sup3"sv, 0xb3},
    Named{"szlig"sv, 0xdf},   Named{"tau"sv, 0x3c4},    Named{"theta"sv, 0x3b8},  Named{"thinsp"sv, 0x2009},
    Named{"times"sv, 0xd7},   Named{"trade"sv, 0x2122}, Named{"uacute"sv, 0xfa},  Named{"uuml"sv, 0xfc},
    Named{"yen"sv, 0xa5},     Named{"zeta"sv, 0x3b6},
};

constexpr bool sortedByName()
{
    for (std::size_t i = 1; i < named.size(); ++i) {
        if (!(named[i - 1].name < named[i].name)) {
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

int decode(QByteArrayView text, char32_t *codePoint)
{
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
        *codePoint = value;
        return int(i + 1);
    }
    qsizetype i = 1;
    while (i < text.size() && i < longest && isAsciiAlnum(text[i])) {
        ++i;
    }
    if (i == 1 || i >= text.size() || text[i] != ';') {
        return 0;
    }
    const std::string_view name(text.data() + 1, std::size_t(i - 1));
    const auto it = std::lower_bound(named.begin(), named.end(), name,
                                     [](const Named &entry, std::string_view key) { return entry.name < key; });
    if (it == named.end() || it->name != name) {
        return 0;
    }
    *codePoint = it->codePoint;
    return int(i + 1);
}

} // namespace annorev::HtmlEntities
