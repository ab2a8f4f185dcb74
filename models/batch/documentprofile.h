#pragma once

#include "documentfacts.h"
#include "exportdocument.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace annorev {

class Checker;
class Schema;

// What sampling and statistics need to know of a reviewed document: its decision and the facts
// of its current version, without its text.
struct DocumentProfile
{
    QString id;
    ReviewStatus status = ReviewStatus::Unreviewed;
    DocumentFacts facts;

    // Parses and checks each document's tagged text (the reviewer's version) on every core; the
    // profiles are in the documents' order.
    static QList<DocumentProfile> of(const QList<ExportDocument> &documents, const Schema &schema,
                                     const Checker &checker);
};

} // namespace annorev
