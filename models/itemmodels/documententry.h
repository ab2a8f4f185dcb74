#pragma once

#include "documentlistmodel.h"
#include "reviewstore.h"

namespace annorev {

struct DocumentFacts;

// A row of the document list, from what the store keeps of a document or from the facts of the
// version the window has just checked: the same facts either way (DocumentFacts::of).
namespace DocumentEntry {

DocumentListModel::Entry fromStore(const ReviewStore::ListEntry &stored);
DocumentListModel::Entry fromFacts(const QString &id, ReviewStatus status, const DocumentFacts &facts);

} // namespace DocumentEntry

} // namespace annorev
