#pragma once

#include "expected.h"
#include "reviewstore.h"
#include "suggestion.h"

#include <QHash>
#include <QList>
#include <QString>

namespace annorev {

class Schema;
class SqliteConnection;

// The suggestions table of a store file: a model's spans, apart from the annotations, and what
// reviewers decided of each (see ReviewStore::addSuggestions()). Both writes count again the
// disagreement of the documents they touch (SqliteDisagreementWriter), parsing their current
// versions with the batch's schema.
namespace SqliteSuggestions {

Expected<ReviewStore::SuggestionsAdded> add(SqliteConnection &connection, const QList<Suggestion> &suggestions,
                                            const QString &source, const QString &reviewer, const Schema &schema);
Expected<QList<Suggestion>> ofDocument(const SqliteConnection &connection, const QString &documentId);
Expected<void> decide(SqliteConnection &connection, qint64 id, SuggestionState decision, const QString &reviewer,
                      const Schema &schema);
Expected<QList<SuggestionCounts>> counts(const SqliteConnection &connection);
Expected<QHash<QString, int>> disagreements(const SqliteConnection &connection, const QStringList &ids);
Expected<QList<ReviewStore::Disagreement>> mostDisagreeing(const SqliteConnection &connection, qsizetype limit);

} // namespace SqliteSuggestions

} // namespace annorev
