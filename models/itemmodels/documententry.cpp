#include "documententry.h"

#include "documentfacts.h"

namespace annorev::DocumentEntry {

DocumentListModel::Entry fromStore(const ReviewStore::ListEntry &stored)
{
    return fromFacts(stored.id, stored.status, stored.facts);
}

DocumentListModel::Entry fromFacts(const QString &id, ReviewStatus status, const DocumentFacts &facts)
{
    return {id,     int(facts.errors()), int(facts.warnings()), int(facts.infos()),
            status, facts.labelNames(),  facts.ruleNames()};
}

} // namespace annorev::DocumentEntry
