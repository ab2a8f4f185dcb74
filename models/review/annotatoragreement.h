#pragma once

#include "agreement.h"
#include "batchreader.h"
#include "raterreliability.h"

#include <QList>
#include <QStringList>

namespace annorev {

class Schema;

// How far N annotations of the same documents agree, all at once: Fleiss' kappa and
// Krippendorff's alpha (see RaterReliability) over tokens. Tokens and their categories are those
// of the pairwise kappa (Agreement::tokens; a token's category is the label of the span holding
// its first character, or "outside"), each token a unit and each batch an annotator. Documents are
// matched by id and streamed (NamesakeStream); a version whose text differs from the one most
// versions have is missing for that document, like a version a batch lacks. Kappa counts the
// documents every batch holds with that text; alpha every one two or more hold.
struct AnnotatorAgreement
{
    RaterReliability tokens;
    qsizetype documents = 0;         // ids in any batch
    qsizetype documentsInAll = 0;    // held by every batch with one text: kappa's documents
    qsizetype pairable = 0;          // held by two or more with one text: alpha's
    QList<QList<InputError>> errors; // per batch, as AnnotatedBatch::read() reports them

    static AnnotatorAgreement run(const QList<QStringList> &batches, const Schema &schema);
    // The same of two batches, from their comparison: the documents it compared are those both
    // hold with one text, and its tokens are the units. Spares compare a second pass.
    static AnnotatorAgreement ofPair(const Agreement::Result &pair);
};

} // namespace annorev
