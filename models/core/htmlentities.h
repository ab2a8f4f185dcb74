#pragma once

#include <QByteArrayView>

#include <array>

namespace annorev::HtmlEntities {

// A decoded reference: one or two code points (a few named ones, such as &NotEqualTilde;, are two;
// the second is 0 otherwise).
using CodePoints = std::array<char32_t, 2>;

// Decodes the character reference at the start of text ("&amp;", "&#8212;", "&#x1F600;", any of
// HTML's 2,231 named ones). The legacy names HTML accepts without ';' ("&copy", "&eacute") are
// decoded without it only when no letter, digit or '=' follows, as HTML does inside attribute
// values, so that "&copy2023" or "&notin" stay as written. Returns the bytes the reference spans,
// or 0 when text does not start with one.
int decode(QByteArrayView text, CodePoints *codePoints);

} // namespace annorev::HtmlEntities
