#pragma once

#include "factsview.h"
#include "reviewstatus.h"

#include <QByteArrayView>

namespace annorev {

// A document as the store's cursor over all of them hands it out (ReviewStore::forEachProfile):
// what a DocumentProfile holds, as views into the row being read, valid during the call only, so
// that going through a million documents allocates nothing per document.
struct ProfileRow
{
    QByteArrayView id; // UTF-8
    ReviewStatus status = ReviewStatus::Unreviewed;
    const FactsView &facts;
};

} // namespace annorev
