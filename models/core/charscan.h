#pragma once

#include <QtAlgorithms>
#include <QtGlobal>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annorev::CharScan {

// Scans of UTF-16 text for the few characters a rule stops at, eight at a time where SSE2 is
// there: the rules that walk a document character by character (sentence ends around a hardware
// span, the digits of a count) spend most of their time passing over letters.

// The first position in [from, to) whose character is in [low, high]; to when there is none.
inline qsizetype firstInRange(const char16_t *data, qsizetype from, qsizetype to, char16_t low, char16_t high)
{
    qsizetype i = from;
#if defined(__SSE2__)
    // c - low, unsigned, is at most high - low just when low <= c <= high. SSE2 compares 16-bit
    // lanes as signed: flipping the top bit of both sides makes that an unsigned comparison.
    const __m128i bias = _mm_set1_epi16(qint16(-0x8000));
    const __m128i lowest = _mm_set1_epi16(qint16(low));
    const __m128i span = _mm_set1_epi16(qint16((high - low) ^ 0x8000));
    for (; i + 8 <= to; i += 8) {
        const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i offset = _mm_xor_si128(_mm_sub_epi16(chars, lowest), bias);
        const int outside = _mm_movemask_epi8(_mm_cmpgt_epi16(offset, span));
        if (outside != 0xffff) {
            return i + qsizetype(qCountTrailingZeroBits(quint32(~outside & 0xffff)) / 2);
        }
    }
#endif
    for (; i < to; ++i) {
        if (char16_t(data[i] - low) <= char16_t(high - low)) {
            return i;
        }
    }
    return to;
}

// Sentence ends and blank lines: '.', '!', '?' and '\n', the characters Sentences stops at.
inline bool isStop(char16_t c)
{
    return c == u'.' || c == u'!' || c == u'?' || c == u'\n';
}

#if defined(__SSE2__)
// A bit pair per lane of these eight characters: set where the character is a stop.
inline int stopMask(const char16_t *data)
{
    const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data));
    const __m128i stops =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(chars, _mm_set1_epi16(u'.')), _mm_cmpeq_epi16(chars, _mm_set1_epi16(u'!'))),
                     _mm_or_si128(_mm_cmpeq_epi16(chars, _mm_set1_epi16(u'?')), _mm_cmpeq_epi16(chars, _mm_set1_epi16(u'\n'))));
    return _mm_movemask_epi8(stops);
}
#endif

// The first position in [from, to) holding a stop (isStop); to when there is none.
inline qsizetype firstStop(const char16_t *data, qsizetype from, qsizetype to)
{
    qsizetype i = from;
#if defined(__SSE2__)
    for (; i + 8 <= to; i += 8) {
        if (const int mask = stopMask(data + i)) {
            return i + qsizetype(qCountTrailingZeroBits(quint32(mask)) / 2);
        }
    }
#endif
    for (; i < to; ++i) {
        if (isStop(data[i])) {
            return i;
        }
    }
    return to;
}

// The last position in [from, to) holding a stop; from - 1 when there is none.
inline qsizetype lastStop(const char16_t *data, qsizetype from, qsizetype to)
{
    qsizetype i = to;
#if defined(__SSE2__)
    for (; i - 8 >= from; i -= 8) {
        if (const int mask = stopMask(data + i - 8)) {
            return i - 8 + qsizetype((31 - qCountLeadingZeroBits(quint32(mask))) / 2);
        }
    }
#endif
    for (; i > from; --i) {
        if (isStop(data[i - 1])) {
            return i - 1;
        }
    }
    return from - 1;
}

// The first occurrence of needle (not empty) in data[from, to), or -1. The positions whose first
// and last characters match the needle's are found eight at a time; only those are compared.
inline qsizetype find(const char16_t *data, qsizetype from, qsizetype to, const char16_t *needle, qsizetype length)
{
    const qsizetype last = to - length; // the last position the needle fits at
    qsizetype i = from;
    const auto matchesAt = [&](qsizetype at) {
        for (qsizetype k = 1; k + 1 < length; ++k) {
            if (data[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    };
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi16(qint16(needle[0]));
    const __m128i final = _mm_set1_epi16(qint16(needle[length - 1]));
    for (; i + 7 <= last; i += 8) {
        const __m128i starts = _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i)), first);
        const __m128i ends =
            _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i + length - 1)), final);
        quint32 mask = quint32(_mm_movemask_epi8(_mm_and_si128(starts, ends)));
        while (mask != 0) {
            const qsizetype at = i + qsizetype(qCountTrailingZeroBits(mask) / 2);
            if (matchesAt(at)) {
                return at;
            }
            mask &= ~(quint32(3) << (qCountTrailingZeroBits(mask) & ~1u)); // that lane's two bits
        }
    }
#endif
    for (; i <= last; ++i) {
        if (data[i] == needle[0] && data[i + length - 1] == needle[length - 1] && matchesAt(i)) {
            return i;
        }
    }
    return -1;
}

// Turns the ASCII capitals A-Z of data[0, size) to lower case, and nothing else.
inline void lowerAsciiInPlace(char16_t *data, qsizetype size)
{
    qsizetype i = 0;
#if defined(__SSE2__)
    const __m128i bias = _mm_set1_epi16(qint16(-0x8000));
    const __m128i lowest = _mm_set1_epi16(qint16(u'A'));
    const __m128i span = _mm_set1_epi16(qint16((u'Z' - u'A') ^ 0x8000));
    const __m128i toLower = _mm_set1_epi16(u'a' - u'A');
    for (; i + 8 <= size; i += 8) {
        auto *block = reinterpret_cast<__m128i *>(data + i);
        const __m128i chars = _mm_loadu_si128(block);
        const __m128i offset = _mm_xor_si128(_mm_sub_epi16(chars, lowest), bias);
        const __m128i capital = _mm_cmpgt_epi16(_mm_add_epi16(span, _mm_set1_epi16(1)), offset);
        _mm_storeu_si128(block, _mm_add_epi16(chars, _mm_and_si128(capital, toLower)));
    }
#endif
    for (; i < size; ++i) {
        if (data[i] >= u'A' && data[i] <= u'Z') {
            data[i] = char16_t(data[i] + (u'a' - u'A'));
        }
    }
}

} // namespace annorev::CharScan
