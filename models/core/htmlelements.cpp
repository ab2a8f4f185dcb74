#include "htmlelements.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace annorev::HtmlElements {

namespace {

using namespace std::string_view_literals;

// Sorted, lower case: looked up with binary search.
constexpr std::array elements = {
    "a"sv,      "abbr"sv,       "address"sv, "article"sv,  "aside"sv,   "b"sv,        "bdi"sv,     "bdo"sv,
    "big"sv,    "blockquote"sv, "body"sv,    "br"sv,       "caption"sv, "center"sv,   "cite"sv,    "code"sv,
    "col"sv,    "colgroup"sv,   "dd"sv,      "del"sv,      "details"sv, "dfn"sv,      "div"sv,     "dl"sv,
    "dt"sv,     "em"sv,         "figcaption"sv, "figure"sv, "font"sv,   "footer"sv,   "h1"sv,      "h2"sv,
    "h3"sv,     "h4"sv,         "h5"sv,      "h6"sv,       "head"sv,    "header"sv,   "hr"sv,      "html"sv,
    "i"sv,      "img"sv,        "ins"sv,     "kbd"sv,      "li"sv,      "link"sv,     "main"sv,    "mark"sv,
    "meta"sv,   "nav"sv,        "ol"sv,      "p"sv,        "pre"sv,     "q"sv,        "s"sv,       "samp"sv,
    "section"sv, "small"sv,     "span"sv,    "strike"sv,   "strong"sv,  "sub"sv,      "summary"sv, "sup"sv,
    "table"sv,  "tbody"sv,      "td"sv,      "tfoot"sv,    "th"sv,      "thead"sv,    "title"sv,   "tr"sv,
    "tt"sv,     "u"sv,          "ul"sv,      "var"sv,      "wbr"sv,
};

constexpr std::array blocks = {
    "address"sv, "article"sv, "aside"sv, "blockquote"sv, "body"sv,    "br"sv,     "caption"sv, "dd"sv,
    "details"sv, "div"sv,     "dl"sv,    "dt"sv,         "figcaption"sv, "figure"sv, "footer"sv, "h1"sv,
    "h2"sv,      "h3"sv,      "h4"sv,    "h5"sv,         "h6"sv,      "head"sv,   "header"sv,  "hr"sv,
    "html"sv,    "li"sv,      "main"sv,  "nav"sv,        "ol"sv,      "p"sv,      "pre"sv,     "section"sv,
    "summary"sv, "table"sv,   "tbody"sv, "td"sv,         "tfoot"sv,   "th"sv,     "thead"sv,   "title"sv,
    "tr"sv,      "ul"sv,
};

static_assert(std::is_sorted(elements.begin(), elements.end()));
static_assert(std::is_sorted(blocks.begin(), blocks.end()));

template<std::size_t N>
bool contains(const std::array<std::string_view, N> &names, QByteArrayView name)
{
    char lower[16];
    if (name.size() >= qsizetype(sizeof lower)) {
        return false;
    }
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char c = name[i];
        lower[i] = (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
    }
    return std::binary_search(names.begin(), names.end(), std::string_view(lower, std::size_t(name.size())));
}

} // namespace

bool isElement(QByteArrayView name)
{
    return contains(elements, name);
}

bool isBlock(QByteArrayView name)
{
    return contains(blocks, name);
}

} // namespace annorev::HtmlElements
