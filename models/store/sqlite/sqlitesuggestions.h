#pragma once

#include "expected.h"
#include "reviewstore.h"
#include "suggestion.h"

#include <QList>
#include <QString>

namespace annorev {

class SqliteConnection;

// The suggestions table of a store file: a model's spans, apart from the annotations, and what
// reviewers decided of each (see ReviewStore::addSuggestions()).
namespace SqliteSuggestions {

Expected<ReviewStore::SuggestionsAdded> add(SqliteConnection &connection, const QList<Suggestion> &suggestions,
                                            const QString &source, const QString &reviewer);
Expected<QList<Suggestion>> ofDocument(const SqliteConnection &connection, const QString &documentId);
Expected<void> decide(SqliteConnection &connection, qint64 id, SuggestionState decision, const QString &reviewer);
Expected<QList<SuggestionCounts>> counts(const SqliteConnection &connection);

} // namespace SqliteSuggestions

} // namespace annorev
