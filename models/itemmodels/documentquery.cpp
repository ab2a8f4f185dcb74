#include "documentquery.h"

#include <QHash>

#include <algorithm>

namespace annorev {

namespace {

// Which sets of names hold name: a filter then tests a number per row.
std::vector<char> setsHolding(const QList<QStringList> &sets, const QString &name)
{
    std::vector<char> holding(std::size_t(sets.size()), 0);
    for (qsizetype i = 0; i < sets.size(); ++i) {
        holding[std::size_t(i)] = std::binary_search(sets.at(i).cbegin(), sets.at(i).cend(), name);
    }
    return holding;
}

// Marks the rows whose key is among keys (ascending). A store's keys are rowids, about as many as
// the rows: a table from key to row takes a few milliseconds at a million. Keys far apart (a
// store whose rows were deleted and added many times) are matched through a sort instead.
void markKeys(const DocumentRows &rows, const QList<qint64> &keys, std::vector<char> &marked)
{
    quint32 largest = 0;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        largest = std::max(largest, rows.row(i).key);
    }
    if (largest <= 4 * quint64(rows.size()) + 1024) {
        std::vector<int> rowOfKey(std::size_t(largest) + 1, -1);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (const quint32 key = rows.row(i).key; key != 0) {
                rowOfKey[key] = int(i);
            }
        }
        for (const qint64 key : keys) {
            if (key > 0 && key <= qint64(largest) && rowOfKey[std::size_t(key)] >= 0) {
                marked[std::size_t(rowOfKey[std::size_t(key)])] = 1;
            }
        }
        return;
    }
    std::vector<std::pair<quint32, int>> byKey;
    byKey.reserve(std::size_t(rows.size()));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (const quint32 key = rows.row(i).key; key != 0) {
            byKey.emplace_back(key, int(i));
        }
    }
    std::sort(byKey.begin(), byKey.end());
    auto next = byKey.cbegin();
    for (const qint64 key : keys) {
        const quint32 wanted = DocumentIndexRow::keyOf(key);
        if (wanted == 0) {
            continue; // no row holds it
        }
        next = std::lower_bound(next, byKey.cend(), std::pair<quint32, int>(wanted, -1));
        for (; next != byKey.cend() && next->first == wanted; ++next) {
            marked[std::size_t(next->second)] = 1;
        }
    }
}

bool passesFindings(const DocumentIndexRow &row, DocumentQuery::FindingFilter filter)
{
    switch (filter) {
    case DocumentQuery::FindingFilter::Any:
        return true;
    case DocumentQuery::FindingFilter::WithErrors:
        return row.errors > 0;
    case DocumentQuery::FindingFilter::WithWarnings:
        return row.warnings > 0;
    case DocumentQuery::FindingFilter::WithInfos:
        return row.infos > 0;
    case DocumentQuery::FindingFilter::WithoutFindings:
        return row.errors == 0 && row.warnings == 0 && row.infos == 0;
    }
    return true;
}

bool isAscii(QByteArrayView text)
{
    return std::all_of(text.cbegin(), text.cend(), [](char c) { return (c & 0x80) == 0; });
}

char folded(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

// QString::compare(a, b, Qt::CaseInsensitive), without making QStrings of ASCII ids.
int compareIds(QByteArrayView a, QByteArrayView b)
{
    if (isAscii(a) && isAscii(b)) {
        const qsizetype common = std::min(a.size(), b.size());
        for (qsizetype i = 0; i < common; ++i) {
            const char x = folded(a[i]);
            const char y = folded(b[i]);
            if (x != y) {
                return x < y ? -1 : 1;
            }
        }
        return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
    }
    return QString::compare(QString::fromUtf8(a), QString::fromUtf8(b), Qt::CaseInsensitive);
}

} // namespace

bool DocumentQuery::isFiltering() const
{
    return !roundOrder.isEmpty() || status || !label.isEmpty() || !rule.isEmpty() || findings != FindingFilter::Any ||
           !needle.isEmpty();
}

std::optional<std::vector<int>> DocumentQuery::run(const DocumentRows &rows, const std::atomic_bool *cancelled) const
{
    const auto isCancelled = [cancelled] {
        return cancelled != nullptr && cancelled->load(std::memory_order_relaxed);
    };
    const auto count = std::size_t(rows.size());
    // Where each row stands in the round, or -1 when it is not in it.
    std::vector<int> roundPlace;
    if (!roundOrder.isEmpty()) {
        roundPlace.assign(count, -1);
        for (qsizetype i = 0; i < roundOrder.size(); ++i) {
            const qsizetype row = rows.find(QStringView(roundOrder.at(i)));
            if (row >= 0 && roundPlace[std::size_t(row)] < 0) {
                roundPlace[std::size_t(row)] = int(i);
            }
        }
    }
    std::vector<char> textMatched;
    if (!needle.isEmpty() && (!textMatches.isEmpty() || !textMatchKeys.isEmpty())) {
        textMatched.assign(count, 0);
        for (const QString &id : textMatches) {
            if (const qsizetype row = rows.find(QStringView(id)); row >= 0) {
                textMatched[std::size_t(row)] = 1;
            }
        }
        if (!textMatchKeys.isEmpty()) {
            markKeys(rows, textMatchKeys, textMatched);
        }
    }
    const std::vector<char> labelSets = label.isEmpty() ? std::vector<char>() : setsHolding(rows.labelSets(), label);
    const std::vector<char> ruleSets = rule.isEmpty() ? std::vector<char>() : setsHolding(rows.ruleSets(), rule);
    const QByteArray asciiNeedle = isAscii(needle.toUtf8()) ? needle.toUtf8().toLower() : QByteArray();

    std::vector<int> shown;
    shown.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i % 65536 == 0 && isCancelled()) {
            return std::nullopt;
        }
        const DocumentIndexRow &row = rows.row(qsizetype(i));
        if ((!roundPlace.empty() && roundPlace[i] < 0) || (status && row.status != *status) ||
            (!labelSets.empty() && !labelSets[row.labelSet]) || (!ruleSets.empty() && !ruleSets[row.ruleSet]) ||
            !passesFindings(row, findings)) {
            continue;
        }
        if (!needle.isEmpty() && (textMatched.empty() || !textMatched[i])) {
            const QByteArrayView id = rows.idBytes(qsizetype(i));
            const bool found = !asciiNeedle.isEmpty() && isAscii(id)
                                   ? std::search(id.cbegin(), id.cend(), asciiNeedle.cbegin(), asciiNeedle.cend(),
                                                 [](char a, char b) { return folded(a) == b; }) != id.cend()
                                   : QString::fromUtf8(id).contains(needle, Qt::CaseInsensitive);
            if (!found) {
                continue;
            }
        }
        shown.push_back(int(i));
    }
    if (isCancelled()) {
        return std::nullopt;
    }
    if (!roundPlace.empty()) {
        std::sort(shown.begin(), shown.end(), [&](int a, int b) { return roundPlace[a] < roundPlace[b]; });
        return shown;
    }
    const auto byKey = [&](auto key) {
        if (descending) {
            std::stable_sort(shown.begin(), shown.end(), [&](int a, int b) { return key(b) < key(a); });
        } else {
            std::stable_sort(shown.begin(), shown.end(), [&](int a, int b) { return key(a) < key(b); });
        }
    };
    switch (sortKey) {
    case SortKey::None:
        break;
    case SortKey::Id:
        if (descending) {
            std::stable_sort(shown.begin(), shown.end(),
                             [&](int a, int b) { return compareIds(rows.idBytes(b), rows.idBytes(a)) < 0; });
        } else {
            std::stable_sort(shown.begin(), shown.end(),
                             [&](int a, int b) { return compareIds(rows.idBytes(a), rows.idBytes(b)) < 0; });
        }
        break;
    case SortKey::Status:
        byKey([&](int r) { return int(rows.row(r).status); });
        break;
    case SortKey::Errors:
        byKey([&](int r) { return rows.row(r).errors; });
        break;
    case SortKey::Warnings:
        byKey([&](int r) { return rows.row(r).warnings; });
        break;
    case SortKey::Disagreement:
        byKey([&](int r) { return rows.row(r).disagreement; });
        break;
    }
    if (isCancelled()) {
        return std::nullopt;
    }
    return shown;
}

} // namespace annorev
