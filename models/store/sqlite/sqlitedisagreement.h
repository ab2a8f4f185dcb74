#pragma once

#include "expected.h"
#include "suggestiondisagreement.h"

#include <QList>
#include <QSqlQuery>
#include <QStringList>
#include <QStringView>

namespace annorev {

class Schema;
class SqliteConnection;

// The disagreements table (schema 11): for each document with model suggestions, how far they and
// its current annotations differ (SuggestionDisagreement::of()), by the documents table's rowid.
// Kept inside the transaction of every change to either, so that the document list reads it with
// the rest of a document's row and never counts a million documents' spans to sort them.
class SqliteDisagreementWriter
{
public:
    explicit SqliteDisagreementWriter(const SqliteConnection &connection);

    // Prepares the statements and learns whether the store holds any suggestion; call once, inside
    // the transaction, before refresh().
    Expected<void> prepare();
    // Counts the disagreement of the document with this rowid again, from the plain text and spans
    // of the version being written. Costs nothing in a store without suggestions.
    Expected<void> refresh(qint64 rowid, QStringView plainText, const QList<SpanKey> &spans);
    // The same for each of these documents, reading their current versions and parsing them with
    // schema, a block at a time on every core: after their suggestions changed rather than their
    // texts (an import touches tens of thousands).
    Expected<void> refresh(const QStringList &ids, const Schema &schema);

private:
    const SqliteConnection &m_connection;
    bool m_prepared = false;
    bool m_anySuggestion = false;
    QSqlQuery m_suggestions;
    QSqlQuery m_texts;
    QSqlQuery m_set;
    QSqlQuery m_clear;
};

} // namespace annorev
