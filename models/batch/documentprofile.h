#pragma once

#include "documentfacts.h"
#include "reviewstatus.h"

#include <QString>

namespace annorev {

// What the list, sampling and statistics need to know of a reviewed document: its decision and
// the facts of its current version as the store keeps them, without its text.
struct DocumentProfile
{
    QString id;
    ReviewStatus status = ReviewStatus::Unreviewed;
    DocumentFacts facts;
};

} // namespace annorev
