#pragma once

#include <cstdint>

namespace annorev::Utf8 {

// Decodes one character at p (p < end). Returns the bytes consumed; an invalid or truncated
// sequence yields U+FFFD and consumes its maximal valid prefix (at least one byte), as the
// Unicode standard recommends, so a decoder and an offset walker always agree.
inline int decode(const unsigned char *p, const unsigned char *end, char32_t *codePoint)
{
    const unsigned char lead = p[0];
    if (lead < 0x80) {
        *codePoint = lead;
        return 1;
    }
    int need = 0;
    char32_t value = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        need = 1;
        value = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        need = 2;
        value = lead & 0x0f;
        if (lead == 0xe0) {
            low = 0xa0;
        } else if (lead == 0xed) {
            high = 0x9f;
        }
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        need = 3;
        value = lead & 0x07;
        if (lead == 0xf0) {
            low = 0x90;
        } else if (lead == 0xf4) {
            high = 0x8f;
        }
    } else {
        *codePoint = 0xfffd;
        return 1;
    }
    int used = 1;
    for (int i = 0; i < need; ++i) {
        if (p + used >= end || p[used] < low || p[used] > high) {
            *codePoint = 0xfffd;
            return used;
        }
        value = (value << 6) | (p[used] & 0x3f);
        ++used;
        low = 0x80;
        high = 0xbf;
    }
    *codePoint = value;
    return used;
}

inline int utf16Length(char32_t codePoint)
{
    return codePoint >= 0x10000 ? 2 : 1;
}

} // namespace annorev::Utf8
