#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>

namespace annorev {

// Spot checks: a reviewer draws a sample of a batch (a round), judges each sampled document
// pass or fail, and decides from the failures whether the batch is good enough.
enum class Verdict
{
    Pass,
    Fail
};
enum class FailReason
{
    WrongLabel,
    WrongBoundary,
    MissingSpan,
    SpuriousSpan,
    WrongValue,
    Other
};
inline constexpr std::size_t failReasonCount = 6;

QString verdictName(Verdict verdict);
std::optional<Verdict> verdictFromName(QStringView name);
QString failReasonName(FailReason reason); // "wrong-label", "wrong-boundary", ...
std::optional<FailReason> failReasonFromName(QStringView name);
QStringList failReasonNames(); // in enum order

// How to stratify a sample: not at all, by the document's rarest label, or by the rule of its
// most severe finding (see samplestrata.h).
enum class Stratify
{
    None,
    Label,
    Rule
};
QString stratifyName(Stratify stratify); // "", "label", "rule"
std::optional<Stratify> stratifyFromName(QStringView name);

// A round as the store keeps it: how the sample was drawn, so that it can be drawn again.
struct SpotCheckRound
{
    QString name;
    QDateTime createdAt; // UTC
    QString createdBy;
    quint64 seed = 0;
    qsizetype requestedSize = 0;
    QString statuses = QStringLiteral("all"); // the --status the sample was drawn from
    Stratify stratify = Stratify::None;
    qsizetype size = 0; // documents drawn; filled in by the store when read
};

struct RoundDocument
{
    QString id;
    QString stratum; // empty for an unstratified round
};

struct Judgement
{
    qint64 seq = 0; // order of recording: a later judgement of a document replaces an earlier one
    QString round;
    QString documentId;
    Verdict verdict = Verdict::Pass;
    std::optional<FailReason> reason; // set exactly when the verdict is fail
    QString note;
    QString reviewer;
    QDateTime at; // UTC
};

// What a round's latest judgements add up to.
struct RoundTally
{
    qsizetype size = 0;    // documents in the round
    qsizetype checked = 0; // documents with a judgement
    qsizetype failed = 0;  // whose latest judgement is fail
    std::array<qsizetype, failReasonCount> failuresByReason{};
};

// The latest judgement of each document, in the order of the round's documents; documents never
// judged are left out.
QList<Judgement> latestJudgements(const QList<RoundDocument> &documents, const QList<Judgement> &judgements);
RoundTally tally(const QList<RoundDocument> &documents, const QList<Judgement> &judgements);

} // namespace annorev
