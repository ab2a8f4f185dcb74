#pragma once

#include "document.h"
#include "expected.h"
#include "spanedit.h"

#include <QList>
#include <QString>

#include <optional>

namespace annorev {

// A reviewer's change the store did not take: someone else changed the document first (a write on
// a stale version is refused, never merged), or the store could not be written. It is kept as the
// spans the reviewer added and removed, so that it can be made again on the store's version of the
// document, where the tags the other person changed stay as they left them. A change that rewrote
// the text itself (a span's text) cannot be placed on a text someone else may have changed; it is
// kept to say what was lost, not to re-apply.
class PendingEdit
{
public:
    // The change from saved (what the store held when the change began) to mine; none when they
    // hold the same tags. steps names the undo steps it was made of, oldest first.
    static std::optional<PendingEdit> between(const QString &id, const Document &saved, const Document &mine,
                                              const QStringList &steps);

    const QString &documentId() const { return m_id; }
    // "Tag “512” as gpu_count", or "Tag “512” as gpu_count and 2 more changes".
    QString description() const;
    bool changesText() const { return m_changesText; }
    qsizetype added() const { return m_added.size(); }
    qsizetype removed() const { return m_removed.size(); }

    // The edits that make the same change on theirs: the spans added that theirs lacks, the spans
    // removed that it still has. An error saying why when theirs' text is not the one the change
    // was made on, or the change rewrote text; an empty list when theirs already has it all.
    Expected<QList<SpanEdit>> editsOn(const Document &theirs) const;

private:
    QString m_id;
    QStringList m_steps;
    QString m_text; // the plain text the change was made on
    bool m_changesText = false;
    QList<Span> m_added;
    QList<Span> m_removed;
};

} // namespace annorev
