#pragma once

#include "exportdocument.h"
#include "finding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace annorev {

class Checker;
class Schema;

// What sampling and statistics need to know of a reviewed document: its decision, the labels of
// its spans and the rules its findings come from, without its text.
struct DocumentProfile
{
    struct Hit
    {
        QString rule;
        Severity severity = Severity::Warning;
    };

    QString id;
    ReviewStatus status = ReviewStatus::Unreviewed;
    QStringList spanLabels; // one per span, in text order
    QList<Hit> findings;

    // Parses and checks each document's tagged text (the reviewer's version) on every core; the
    // profiles are in the documents' order.
    static QList<DocumentProfile> of(const QList<ExportDocument> &documents, const Schema &schema,
                                     const Checker &checker);
};

} // namespace annorev
