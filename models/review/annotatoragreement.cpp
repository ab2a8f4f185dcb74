#include "annotatoragreement.h"

#include "adjudication.h"
#include "agreement.h"
#include "document.h"
#include "namesakestream.h"

#include <QHash>

namespace annorev {

AnnotatorAgreement AnnotatorAgreement::ofPair(const Agreement::Result &pair)
{
    AnnotatorAgreement agreement;
    agreement.tokens = pair.tokenReliability;
    agreement.documents = pair.compared + pair.onlyInA.size() + pair.onlyInB.size() + pair.textDiffers.size();
    agreement.documentsInAll = pair.compared;
    agreement.pairable = pair.compared;
    return agreement;
}

AnnotatorAgreement AnnotatorAgreement::run(const QList<QStringList> &batches, const Schema &schema)
{
    const NamesakeStream stream(batches, schema);
    AnnotatorAgreement agreement;
    agreement.tokens = RaterReliability(int(batches.size()));
    for (qsizetype b = 0; b < stream.batchCount(); ++b) {
        agreement.errors.append(stream.errors(b));
    }
    struct Measured
    {
        qsizetype versions = 0;
        RaterReliability tokens;
        QStringList labels;
    };
    QHash<QString, int> categories; // every label seen, "outside" as the empty one
    stream.forEach(
        [&schema](const QString &id, const QList<std::optional<SourceEntry>> &entries) {
            QList<std::optional<AnnotatedText>> texts(entries.size());
            QList<const AnnotatedText *> versions;
            for (qsizetype b = 0; b < entries.size(); ++b) {
                if (entries[b]) {
                    texts[b] = AnnotatedText::fromDocument(id, Document::parse(entries[b]->source, schema),
                                                           OffsetUnit::CodePoint);
                }
                versions.append(texts[b] ? &*texts[b] : nullptr);
            }
            const int base = Adjudication::commonText(versions);
            Measured measured;
            if (base < 0) {
                return measured;
            }
            for (const AnnotatedText *&version : versions) {
                if (version && version->text != versions[base]->text) {
                    version = nullptr;
                }
                measured.versions += version ? 1 : 0;
            }
            measured.tokens = Agreement::tokenReliability(versions, &measured.labels);
            return measured;
        },
        [&](Measured &measured) {
            ++agreement.documents;
            agreement.documentsInAll += measured.versions == batches.size() ? 1 : 0;
            agreement.pairable += measured.versions >= 2 ? 1 : 0;
            QList<int> map;
            for (const QString &label : std::as_const(measured.labels)) {
                auto found = categories.constFind(label);
                if (found == categories.cend()) {
                    found = categories.insert(label, int(categories.size()));
                }
                map.append(*found);
            }
            agreement.tokens.merge(measured.tokens, map);
        });
    return agreement;
}

} // namespace annorev
