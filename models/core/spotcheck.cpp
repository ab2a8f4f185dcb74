#include "spotcheck.h"

#include <QHash>

namespace annorev {

QString verdictName(Verdict verdict)
{
    return verdict == Verdict::Pass ? QStringLiteral("pass") : QStringLiteral("fail");
}

std::optional<Verdict> verdictFromName(QStringView name)
{
    if (name == u"pass") {
        return Verdict::Pass;
    }
    if (name == u"fail") {
        return Verdict::Fail;
    }
    return std::nullopt;
}

QString failReasonName(FailReason reason)
{
    switch (reason) {
    case FailReason::WrongLabel:
        return QStringLiteral("wrong-label");
    case FailReason::WrongBoundary:
        return QStringLiteral("wrong-boundary");
    case FailReason::MissingSpan:
        return QStringLiteral("missing-span");
    case FailReason::SpuriousSpan:
        return QStringLiteral("spurious-span");
    case FailReason::WrongValue:
        return QStringLiteral("wrong-value");
    case FailReason::Other:
        return QStringLiteral("other");
    }
    return {};
}

std::optional<FailReason> failReasonFromName(QStringView name)
{
    for (std::size_t i = 0; i < failReasonCount; ++i) {
        if (name == failReasonName(FailReason(i))) {
            return FailReason(i);
        }
    }
    return std::nullopt;
}

QStringList failReasonNames()
{
    QStringList names;
    for (std::size_t i = 0; i < failReasonCount; ++i) {
        names.append(failReasonName(FailReason(i)));
    }
    return names;
}

QString stratifyName(Stratify stratify)
{
    switch (stratify) {
    case Stratify::None:
        return QStringLiteral("");
    case Stratify::Label:
        return QStringLiteral("label");
    case Stratify::Rule:
        return QStringLiteral("rule");
    }
    return {};
}

std::optional<Stratify> stratifyFromName(QStringView name)
{
    for (Stratify stratify : {Stratify::None, Stratify::Label, Stratify::Rule}) {
        if (name == stratifyName(stratify)) {
            return stratify;
        }
    }
    return std::nullopt;
}

QList<Judgement> latestJudgements(const QList<RoundDocument> &documents, const QList<Judgement> &judgements)
{
    QHash<QString, const Judgement *> latest;
    for (const Judgement &judgement : judgements) {
        const Judgement *&slot = latest[judgement.documentId];
        if (!slot || slot->seq < judgement.seq) {
            slot = &judgement;
        }
    }
    QList<Judgement> result;
    for (const RoundDocument &document : documents) {
        if (const Judgement *judgement = latest.value(document.id)) {
            result.append(*judgement);
        }
    }
    return result;
}

RoundTally tally(const QList<RoundDocument> &documents, const QList<Judgement> &judgements)
{
    RoundTally result;
    result.size = documents.size();
    for (const Judgement &judgement : latestJudgements(documents, judgements)) {
        ++result.checked;
        if (judgement.verdict == Verdict::Fail) {
            ++result.failed;
            ++result.failuresByReason[std::size_t(judgement.reason.value_or(FailReason::Other))];
        }
    }
    return result;
}

} // namespace annorev
