#pragma once

#include "htmlelements.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <array>
#include <cstdint>
#include <cstring>

namespace annorev::markup {

// The well-formed tags of tagged text, found in one pass: what the parser builds a document from
// and what InputLimits measures before it does.
enum class TagKind : std::uint8_t { Entity, Html, Unknown, Comment };

struct Tag
{
    qsizetype begin = 0;
    qsizetype end = 0;
    qsizetype nameBegin = 0;
    qsizetype nameEnd = 0;
    qsizetype attributesBegin = 0;
    qsizetype attributesEnd = 0;
    int label = -1;
    TagKind kind = TagKind::Unknown;
    bool closing = false;
    bool selfClosing = false;
    bool block = false;
};

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

constexpr bool isNameStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// One look-up a byte rather than six comparisons: the scanners walk every tag's name with it.
inline constexpr std::array<bool, 256> nameChars = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
        table[std::size_t(c)] =
            isNameStart(char(c)) || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == ':' || c == '.';
    }
    return table;
}();

inline bool isNameChar(char c)
{
    return nameChars[static_cast<unsigned char>(c)];
}

inline bool isAttributeNameChar(char c)
{
    return !isSpace(c) && c != '"' && c != '\'' && c != '>' && c != '/' && c != '=' && c != '<' && c != '\0';
}

// Finds the next occurrence of a byte at or after a position, remembering the last answer so
// that repeated failed attempts (an unterminated quote, say) stay linear overall.
class NextByte
{
public:
    NextByte(const char *data, qsizetype size, char byte) : m_data(data), m_size(size), m_byte(byte) {}
    qsizetype from(qsizetype pos)
    {
        if (m_found < pos) {
            const void *hit = pos < m_size ? std::memchr(m_data + pos, m_byte, std::size_t(m_size - pos)) : nullptr;
            m_found = hit ? static_cast<const char *>(hit) - m_data : m_size;
        }
        return m_found;
    }

private:
    const char *m_data;
    qsizetype m_size;
    char m_byte;
    qsizetype m_found = -1;
};

class TagScanner
{
public:
    TagScanner(const QByteArray &source, const QList<QByteArray> &labels)
        : m_data(source.constData())
        , m_size(source.size())
        , m_labels(labels)
        , m_doubleQuote(m_data, m_size, '"')
        , m_singleQuote(m_data, m_size, '\'')
        , m_greater(m_data, m_size, '>')
    {
    }

    // The next well-formed tag at or after pos. Tags are asked for in source order.
    bool next(qsizetype pos, Tag *tag)
    {
        while (pos < m_size) {
            const void *hit = std::memchr(m_data + pos, '<', std::size_t(m_size - pos));
            if (!hit) {
                return false;
            }
            const qsizetype at = static_cast<const char *>(hit) - m_data;
            *tag = Tag();
            if (readTag(at, tag)) {
                classify(tag);
                return true;
            }
            pos = at + 1;
        }
        return false;
    }

private:
    bool readTag(qsizetype at, Tag *tag)
    {
        qsizetype i = at + 1;
        if (i >= m_size) {
            return false;
        }
        if (m_data[i] == '!') {
            return readDeclaration(at, tag);
        }
        if (m_data[i] == '/') {
            tag->closing = true;
            ++i;
        }
        if (i >= m_size || !isNameStart(m_data[i])) {
            return false;
        }
        tag->nameBegin = i;
        while (i < m_size && isNameChar(m_data[i])) {
            ++i;
        }
        tag->nameEnd = i;
        tag->attributesBegin = i;
        while (i < m_size) {
            const qsizetype spaceBegin = i;
            while (i < m_size && isSpace(m_data[i])) {
                ++i;
            }
            if (i >= m_size) {
                return false;
            }
            if (m_data[i] == '>') {
                tag->attributesEnd = spaceBegin;
                tag->end = i + 1;
                tag->begin = at;
                return true;
            }
            if (m_data[i] == '/' && i + 1 < m_size && m_data[i + 1] == '>') {
                if (tag->closing) {
                    return false;
                }
                tag->attributesEnd = spaceBegin;
                tag->selfClosing = true;
                tag->end = i + 2;
                tag->begin = at;
                return true;
            }
            // An attribute must be separated from what precedes it by white space.
            if (i == spaceBegin || tag->closing) {
                return false;
            }
            const qsizetype attributeName = i;
            while (i < m_size && isAttributeNameChar(m_data[i])) {
                ++i;
            }
            if (i == attributeName) {
                return false;
            }
            qsizetype j = i;
            while (j < m_size && isSpace(m_data[j])) {
                ++j;
            }
            if (j < m_size && m_data[j] == '=') {
                ++j;
                while (j < m_size && isSpace(m_data[j])) {
                    ++j;
                }
                if (j >= m_size) {
                    return false;
                }
                if (m_data[j] == '"' || m_data[j] == '\'') {
                    NextByte &quote = m_data[j] == '"' ? m_doubleQuote : m_singleQuote;
                    const qsizetype close = quote.from(j + 1);
                    if (close >= m_size) {
                        return false;
                    }
                    i = close + 1;
                } else {
                    const qsizetype valueBegin = j;
                    while (j < m_size && !isSpace(m_data[j]) && m_data[j] != '>' && m_data[j] != '<' &&
                           m_data[j] != '"' && m_data[j] != '\'' && m_data[j] != '=' && m_data[j] != '`') {
                        ++j;
                    }
                    if (j == valueBegin) {
                        return false;
                    }
                    i = j;
                }
            }
        }
        return false;
    }

    // <!-- comment --> and <!DOCTYPE ...> are markup.
    bool readDeclaration(qsizetype at, Tag *tag)
    {
        tag->kind = TagKind::Comment;
        tag->begin = at;
        if (at + 3 < m_size && m_data[at + 2] == '-' && m_data[at + 3] == '-') {
            if (m_commentsExhausted) {
                return false;
            }
            const QByteArrayView rest(m_data + at + 4, m_size - at - 4);
            const qsizetype close = rest.indexOf(QByteArrayView("-->"));
            if (close < 0) {
                m_commentsExhausted = true;
                return false;
            }
            tag->end = at + 4 + close + 3;
            return true;
        }
        if (at + 2 >= m_size || !isNameStart(m_data[at + 2])) {
            return false;
        }
        const qsizetype close = m_greater.from(at + 2);
        if (close >= m_size) {
            return false;
        }
        const void *lt = std::memchr(m_data + at + 2, '<', std::size_t(close - at - 2));
        if (lt) {
            return false;
        }
        tag->end = close + 1;
        return true;
    }

    void classify(Tag *tag) const
    {
        if (tag->kind == TagKind::Comment) {
            return;
        }
        const QByteArrayView name(m_data + tag->nameBegin, tag->nameEnd - tag->nameBegin);
        for (qsizetype i = 0; i < m_labels.size(); ++i) {
            // The length first, inline: most tags are HTML and would be compared with every label.
            const QByteArray &label = m_labels.at(i);
            if (label.size() == name.size() &&
                std::memcmp(label.constData(), name.data(), std::size_t(name.size())) == 0) {
                tag->kind = TagKind::Entity;
                tag->label = int(i);
                return;
            }
        }
        if (HtmlElements::isElement(name)) {
            tag->kind = TagKind::Html;
            tag->block = HtmlElements::isBlock(name);
            return;
        }
        tag->kind = TagKind::Unknown;
    }

    const char *m_data;
    qsizetype m_size;
    const QList<QByteArray> &m_labels;
    NextByte m_doubleQuote;
    NextByte m_singleQuote;
    NextByte m_greater;
    bool m_commentsExhausted = false;
};

} // namespace annorev::markup
