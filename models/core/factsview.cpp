#include "factsview.h"

#include <QUrl>

#include <algorithm>
#include <optional>

namespace annorev {

namespace {

constexpr char severityLetters[] = {'i', 'w', 'e'}; // indexed by Severity, as encoded() writes them

std::optional<Severity> severityOfLetter(char letter)
{
    const auto *found = std::find(std::begin(severityLetters), std::end(severityLetters), letter);
    return found == std::end(severityLetters) ? std::nullopt
                                              : std::optional<Severity>(Severity(found - severityLetters));
}

// encoded() writes counts as plain decimal digits; anything else is refused. Eighteen digits
// cannot overflow.
std::optional<qsizetype> count(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 18) {
        return std::nullopt;
    }
    qsizetype value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

qsizetype lastIndexOf(QByteArrayView text, char c)
{
    for (qsizetype i = text.size() - 1; i >= 0; --i) {
        if (text[i] == c) {
            return i;
        }
    }
    return -1;
}

// Calls item(part) for each part of text between separators; stops at the first false.
template <typename Item> bool forEachPart(QByteArrayView text, char separator, Item item)
{
    qsizetype begin = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            if (!item(text.sliced(begin, i - begin))) {
                return false;
            }
            begin = i + 1;
        }
    }
    return true;
}

} // namespace

bool FactsView::read(QByteArrayView text)
{
    clear();
    QByteArrayView parts[3];
    qsizetype partCount = 0;
    forEachPart(text, ';', [&](QByteArrayView part) {
        if (partCount < 3) {
            parts[partCount] = part;
        }
        return ++partCount <= 3;
    });
    const std::optional<qsizetype> records =
        partCount == 3 && parts[0].startsWith("records=") ? count(parts[0].sliced(8)) : std::nullopt;
    if (!records) {
        return false;
    }
    m_records = *records;
    const bool labelsRead = parts[1].isEmpty() || forEachPart(parts[1], ',', [this](QByteArrayView item) {
                                const qsizetype equals = lastIndexOf(item, '=');
                                const std::optional<qsizetype> spans =
                                    equals > 0 ? count(item.sliced(equals + 1)) : std::nullopt;
                                if (spans) {
                                    m_labels.append({item.first(equals), *spans});
                                }
                                return spans.has_value();
                            });
    const bool rulesRead =
        labelsRead && (parts[2].isEmpty() || forEachPart(parts[2], ',', [this](QByteArrayView item) {
                           const qsizetype equals = lastIndexOf(item, '=');
                           const qsizetype colon = equals > 0 ? lastIndexOf(item.first(equals), ':') : -1;
                           const std::optional<qsizetype> findings =
                               colon > 0 ? count(item.sliced(equals + 1)) : std::nullopt;
                           const std::optional<Severity> severity =
                               colon > 0 && equals == colon + 2 ? severityOfLetter(item[colon + 1]) : std::nullopt;
                           if (!findings || !severity) {
                               return false;
                           }
                           m_rules.append({item.first(colon), *severity, *findings});
                           m_bySeverity[std::size_t(*severity)] += *findings;
                           return true;
                       }));
    if (!rulesRead) {
        clear();
        return false;
    }
    return true;
}

char FactsView::severityLetter(Severity severity)
{
    return severityLetters[std::size_t(severity)];
}

QString FactsView::name(QByteArrayView encodedName)
{
    return QUrl::fromPercentEncoding(encodedName.toByteArray());
}

void FactsView::clear()
{
    m_records = 0;
    m_bySeverity = {};
    m_labels.clear();
    m_rules.clear();
}

} // namespace annorev
