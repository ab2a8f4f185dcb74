#pragma once

#include "documentlistmodel.h"
#include "reviewstore.h"

#include <QList>

namespace annorev {

class Document;
class Schema;
struct Finding;

// Turns what the store and the checker say about a document into a row of the document list:
// label i of the schema is bit i of the label mask, rule i of RuleSet::builtin() bit i of the
// rule mask. Labels the schema does not know, and rules past bit 63, set no bit.
namespace DocumentEntry {

int labelBit(const Schema &schema, QStringView label);
int ruleBit(QStringView rule);

DocumentListModel::Entry fromStore(const ReviewStore::ListEntry &stored, const Schema &schema);
DocumentListModel::Entry fromCheck(const QString &id, ReviewStatus status, const Document &doc,
                                   const QList<Finding> &findings, const Schema &schema);

} // namespace DocumentEntry

} // namespace annorev
