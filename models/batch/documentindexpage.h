#pragma once

#include "expected.h"
#include "namesets.h"
#include "reviewstatus.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <limits>
#include <vector>

namespace annorev {

struct DocumentFacts;

// What the document list keeps of a document: its status, finding counts, disagreement with its
// model suggestions, and the label and rule names of its current version as numbers into tables
// of name sets, so that a million of them take a few tens of megabytes and a filter tests a
// number, not a list of names.
struct DocumentIndexRow
{
    qint32 errors = 0;
    qint32 warnings = 0;
    qint32 infos = 0;
    quint32 labelSet = 0; // into the label sets of its page (or of the list that took it in)
    quint32 ruleSet = 0;
    ReviewStatus status = ReviewStatus::Unreviewed;
    // How far the document's model suggestions and its spans differ (SuggestionDisagreement);
    // -1: it has no suggestions.
    qint32 disagreement = -1;
    // The store's key for the document (a SQLite store's rowid of its row), by which a search of
    // its texts names it without its id (ReviewStore::searchKeys()); 0 when there is none.
    quint32 key = 0;
    friend bool operator==(const DocumentIndexRow &, const DocumentIndexRow &) = default;

    // A rowid as a key: 0 (none) past what a key holds, which SQLite reaches only when told to.
    static quint32 keyOf(qint64 rowid)
    {
        return rowid > 0 && rowid <= std::numeric_limits<quint32>::max() ? quint32(rowid) : 0;
    }
};

// Consecutive documents of a batch, in batch order, as the store reads them for the list: ids as
// UTF-8 back to back, a row each, and the name sets its rows refer to. Sets are numbered over a
// whole read (see DocumentIndexPageBuilder): a page brings only the sets first seen in it, which
// continue the numbering of the pages before it.
struct DocumentIndexPage
{
    QByteArray ids;              // UTF-8, back to back
    std::vector<quint32> idEnds; // where each id ends in ids
    std::vector<DocumentIndexRow> rows;
    quint32 firstNewLabelSet = 0;    // the number of newLabelSets.first()
    QList<QStringList> newLabelSets; // sorted names, each once
    quint32 firstNewRuleSet = 0;
    QList<QStringList> newRuleSets;
    // Whether this is the first page of a read: its set numbers start again at 0.
    bool startsRead = false;
    // Where the page ends in the store's batch order, for the next page to start after.
    qint64 lastPosition = -1;
    QString lastId;

    qsizetype size() const { return qsizetype(rows.size()); }
    bool isEmpty() const { return rows.empty(); }
    QByteArrayView id(qsizetype row) const
    {
        const quint32 begin = row == 0 ? 0 : idEnds[std::size_t(row) - 1];
        return QByteArrayView(ids).sliced(begin, idEnds[std::size_t(row)] - begin);
    }
};

// Builds pages from the store's rows: decodes each distinct facts text once
// (DocumentFacts::decoded) and numbers each distinct set of label and of rule names once over
// every page it builds.
class DocumentIndexPageBuilder
{
public:
    // Adds a document; facts is its DocumentFacts::encoded() text, disagreement its
    // DocumentIndexRow::disagreement. Refuses facts it cannot decode.
    Expected<void> add(QByteArrayView id, ReviewStatus status, QByteArrayView facts, qint32 disagreement = -1,
                       quint32 key = 0);
    // The rows added since the last take(), with the sets first used by them; the last of them is
    // at lastPosition in the store's batch order.
    DocumentIndexPage take(qint64 lastPosition);
    qsizetype pending() const { return m_page.size(); }

private:
    DocumentIndexPage m_page;
    // The row (status aside) of each facts text seen so far; cleared when it grows past a bound,
    // which only costs decoding again.
    QHash<QByteArray, DocumentIndexRow> m_decoded;
    NameSets m_labelSets;
    NameSets m_ruleSets;
    bool m_taken = false;
};

} // namespace annorev
