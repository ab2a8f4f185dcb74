#pragma once

#include "expected.h"
#include "textquery.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace annorev {

class SqliteConnection;

namespace SqliteSearch {

// The word index's query for a search that has words (TextQuery::wordQuery(), MATCH's argument),
// or nullopt when no term of the index begins with its last word, so that no document can match.
// A last word of ASCII letters and digits that few terms begin with is asked as those terms,
// whole, rather than as a prefix.
std::optional<QString> wordMatch(const SqliteConnection &connection, const TextQuery &query);
// The ids, in batch order, of the documents of the batch whose plain text holds the query (see
// ReviewStore::search()). A WordStart query reads only the texts the word index gives for its
// words; the others read every text, and stop with an error once cancelled() says so.
Expected<QStringList> search(const SqliteConnection &connection, const TextQuery &query,
                             const std::function<bool()> &cancelled);
// The same documents' keys, the rowids of their rows, ascending (see ReviewStore::searchKeys()).
Expected<QList<qint64>> searchKeys(const SqliteConnection &connection, const TextQuery &query,
                                   const std::function<bool()> &cancelled);

} // namespace SqliteSearch

} // namespace annorev
