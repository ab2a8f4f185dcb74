#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "output.h"
#include "schema.h"
#include "storestats.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace annorev {

namespace {

constexpr Severity allSeverities[] = {Severity::Error, Severity::Warning, Severity::Info};

QString when(const QDateTime &at)
{
    return at.toString(Qt::ISODateWithMs);
}

QByteArray decisionText(const RoundReport &report)
{
    const Wilson::Estimate &estimate = report.estimate;
    switch (estimate.decision) {
    case Wilson::Decision::Accept:
        return "accept: the upper bound is at or below the target";
    case Wilson::Decision::Reject:
        return "reject: the lower bound is above the target";
    case Wilson::Decision::Continue:
        break;
    }
    if (!estimate.moreToCheck) {
        return "continue: no number of further passes brings the upper bound to the target";
    }
    const qsizetype unchecked = report.tally.size - report.tally.checked;
    QByteArray left = QByteArray::number(unchecked) + " left unchecked in the round";
    if (unchecked < *estimate.moreToCheck) {
        left = "only " + left + ": draw another for the rest";
    }
    return "continue: " + QByteArray::number(*estimate.moreToCheck) +
           " more documents without a failure would accept (" + left + ')';
}

// "accepted rejected pending precision" per label; precision "—" when nothing was decided.
QByteArray suggestionsText(const QList<SuggestionCounts> &suggestions)
{
    if (suggestions.isEmpty()) {
        return {};
    }
    qsizetype labelWidth = 0;
    for (const SuggestionCounts &counts : suggestions) {
        labelWidth = std::max(labelWidth, counts.label.size());
    }
    QByteArray out = "suggestions per label (accepted, rejected, pending, precision):\n";
    for (const SuggestionCounts &counts : suggestions) {
        const std::optional<double> precision = counts.precision();
        out += "  " + counts.label.toUtf8().leftJustified(labelWidth) +
               QByteArray::number(counts.accepted).rightJustified(8) +
               QByteArray::number(counts.rejected).rightJustified(8) +
               QByteArray::number(counts.pending).rightJustified(8) +
               (precision ? Wilson::percent(*precision) : QStringLiteral("\u2014")).rightJustified(8).toUtf8() + '\n';
    }
    return out;
}

QByteArray text(const ReviewStore &store, const StoreStats &storeStats, double target, bool listDocuments)
{
    const BatchStats &stats = storeStats.batch;
    const QList<RoundReport> &rounds = storeStats.rounds;
    QByteArray out = plural(stats.documents, "document", "documents") + " in " + store.path().toUtf8() + '\n';
    out += "documents per status:\n";
    for (ReviewStatus status : allReviewStatuses) {
        out += "  " + statusName(status).toUtf8().leftJustified(12) +
               QByteArray::number(stats.byStatus[std::size_t(status)]) + '\n';
    }
    qsizetype labelWidth = 0;
    for (const BatchStats::LabelCount &label : stats.labels) {
        labelWidth = std::max(labelWidth, label.label.size());
    }
    out += "spans per label (spans, documents with one):\n";
    for (const BatchStats::LabelCount &label : stats.labels) {
        out += "  " + label.label.toUtf8().leftJustified(labelWidth) +
               QByteArray::number(label.spans).rightJustified(8) +
               QByteArray::number(label.documents).rightJustified(8) + '\n';
    }
    out += suggestionsText(storeStats.suggestions);
    if (!storeStats.mostDisagreeing.isEmpty()) {
        out += "documents where the suggestions and the spans differ most (differences):\n";
        for (const ReviewStore::Disagreement &document : storeStats.mostDisagreeing) {
            out += "  " + Console::escaped(document.id) + QByteArray::number(document.count).rightJustified(8) + '\n';
        }
    }
    out += "findings per rule (findings, documents with one):\n";
    for (const BatchStats::RuleCount &rule : stats.rules) {
        if (rule.findings > 0) {
            out += "  " + rule.rule.toUtf8().leftJustified(24) + severityName(rule.severity).toUtf8().leftJustified(8) +
                   QByteArray::number(rule.findings).rightJustified(6) +
                   QByteArray::number(rule.documents).rightJustified(8) + '\n';
        }
    }
    out += "  total: " + plural(stats.bySeverity[std::size_t(Severity::Error)], "error", "errors") + ", " +
           plural(stats.bySeverity[std::size_t(Severity::Warning)], "warning", "warnings") + ", " +
           plural(stats.bySeverity[std::size_t(Severity::Info)], "info", "infos") + '\n';
    out += "spot-check rounds (target error rate " + Wilson::percent(target).toUtf8() +
           "): " + QByteArray::number(rounds.size()) + '\n';
    for (const RoundReport &report : rounds) {
        const SpotCheckRound &round = report.round;
        out += "  " + round.name.toUtf8() + ": " + QByteArray::number(round.size) + " documents drawn " +
               when(round.createdAt).toUtf8() + " by " + round.createdBy.toUtf8() + " (seed " +
               QByteArray::number(round.seed) + ", status " + round.statuses.toUtf8() +
               (round.stratify == Stratify::None ? QByteArray()
                                                 : ", stratified by " + stratifyName(round.stratify).toUtf8()) +
               ")\n";
        const RoundTally &tally = report.tally;
        out += "    checked " + QByteArray::number(tally.checked) + " of " + QByteArray::number(tally.size) +
               ", failed " + QByteArray::number(tally.failed);
        QByteArrayList reasons;
        for (std::size_t i = 0; i < failReasonCount; ++i) {
            if (tally.failuresByReason[i] > 0) {
                reasons.append(failReasonName(FailReason(i)).toUtf8() + ' ' +
                               QByteArray::number(tally.failuresByReason[i]));
            }
        }
        out += (reasons.isEmpty() ? QByteArray() : " (" + reasons.join(", ") + ')') + '\n';
        const Wilson::Estimate &estimate = report.estimate;
        if (estimate.rate) {
            out += "    error rate " + Wilson::percent(*estimate.rate).toUtf8() + ", 95% Wilson interval " +
                   Wilson::percent(estimate.interval.lower).toUtf8() + " to " +
                   Wilson::percent(estimate.interval.upper).toUtf8() + '\n';
        }
        out += "    " + decisionText(report) + '\n';
        if (listDocuments) {
            const QList<Judgement> latest = latestJudgements(report.documents, report.judgements);
            qsizetype next = 0;
            for (const RoundDocument &document : report.documents) {
                out += "      " + document.id.toUtf8();
                if (next < latest.size() && latest[next].documentId == document.id) {
                    const Judgement &judgement = latest[next++];
                    out += ' ' + verdictName(judgement.verdict).toUtf8();
                    if (judgement.reason) {
                        out += ' ' + failReasonName(*judgement.reason).toUtf8();
                    }
                    out += " (" + judgement.reviewer.toUtf8() + ' ' + when(judgement.at).toUtf8() + ')';
                    if (!judgement.note.isEmpty()) {
                        out += ": " + judgement.note.toUtf8();
                    }
                } else {
                    out += " unchecked";
                }
                out += '\n';
            }
        }
    }
    return out;
}

QJsonObject roundJson(const RoundReport &report)
{
    const SpotCheckRound &round = report.round;
    const RoundTally &tally = report.tally;
    const Wilson::Estimate &estimate = report.estimate;
    QJsonObject failures;
    for (std::size_t i = 0; i < failReasonCount; ++i) {
        failures.insert(failReasonName(FailReason(i)), qint64(tally.failuresByReason[i]));
    }
    const QList<Judgement> latest = latestJudgements(report.documents, report.judgements);
    QJsonArray documents;
    qsizetype next = 0;
    for (const RoundDocument &document : report.documents) {
        QJsonObject entry{{QStringLiteral("id"), document.id},
                          {QStringLiteral("stratum"), round.stratify == Stratify::None ? QJsonValue(QJsonValue::Null)
                                                                                       : QJsonValue(document.stratum)}};
        const Judgement *judgement =
            next < latest.size() && latest[next].documentId == document.id ? &latest[next++] : nullptr;
        const QJsonValue null(QJsonValue::Null);
        entry.insert(QStringLiteral("verdict"), judgement ? QJsonValue(verdictName(judgement->verdict)) : null);
        entry.insert(QStringLiteral("reason"),
                     judgement && judgement->reason ? QJsonValue(failReasonName(*judgement->reason)) : null);
        entry.insert(QStringLiteral("note"),
                     judgement && !judgement->note.isEmpty() ? QJsonValue(judgement->note) : null);
        entry.insert(QStringLiteral("reviewer"), judgement ? QJsonValue(judgement->reviewer) : null);
        entry.insert(QStringLiteral("at"), judgement ? QJsonValue(when(judgement->at)) : null);
        documents.append(entry);
    }
    return QJsonObject{
        {QStringLiteral("name"), round.name},
        {QStringLiteral("created_at"), when(round.createdAt)},
        {QStringLiteral("created_by"), round.createdBy},
        // A string: seeds go up to 2^64 - 1, beyond what JSON readers hold exactly in a double.
        {QStringLiteral("seed"), QString::number(round.seed)},
        {QStringLiteral("requested_size"), qint64(round.requestedSize)},
        {QStringLiteral("statuses"), round.statuses},
        {QStringLiteral("stratify"),
         round.stratify == Stratify::None ? QJsonValue(QJsonValue::Null) : QJsonValue(stratifyName(round.stratify))},
        {QStringLiteral("size"), qint64(tally.size)},
        {QStringLiteral("checked"), qint64(tally.checked)},
        {QStringLiteral("failed"), qint64(tally.failed)},
        {QStringLiteral("failures"), failures},
        {QStringLiteral("error_rate"), jsonNumber(estimate.rate)},
        {QStringLiteral("interval"), QJsonObject{{QStringLiteral("lower"), estimate.interval.lower},
                                                 {QStringLiteral("upper"), estimate.interval.upper}}},
        {QStringLiteral("decision"), Wilson::decisionName(estimate.decision)},
        {QStringLiteral("more_to_check"),
         estimate.moreToCheck ? QJsonValue(qint64(*estimate.moreToCheck)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("documents"), documents},
    };
}

QByteArray json(const ReviewStore &store, const StoreStats &storeStats, double target)
{
    const BatchStats &stats = storeStats.batch;
    const QList<RoundReport> &rounds = storeStats.rounds;
    QJsonObject statuses;
    for (ReviewStatus status : allReviewStatuses) {
        statuses.insert(statusName(status), qint64(stats.byStatus[std::size_t(status)]));
    }
    QJsonObject labels;
    for (const BatchStats::LabelCount &label : stats.labels) {
        labels.insert(label.label, QJsonObject{{QStringLiteral("spans"), qint64(label.spans)},
                                               {QStringLiteral("documents"), qint64(label.documents)}});
    }
    QJsonObject suggestions;
    for (const SuggestionCounts &counts : storeStats.suggestions) {
        const std::optional<double> precision = counts.precision();
        suggestions.insert(counts.label,
                           QJsonObject{{QStringLiteral("accepted"), qint64(counts.accepted)},
                                       {QStringLiteral("rejected"), qint64(counts.rejected)},
                                       {QStringLiteral("pending"), qint64(counts.pending)},
                                       {QStringLiteral("precision"),
                                        precision ? QJsonValue(*precision) : QJsonValue(QJsonValue::Null)}});
    }
    QJsonObject rules;
    for (const BatchStats::RuleCount &rule : stats.rules) {
        rules.insert(rule.rule, QJsonObject{{QStringLiteral("severity"), severityName(rule.severity)},
                                            {QStringLiteral("findings"), qint64(rule.findings)},
                                            {QStringLiteral("documents"), qint64(rule.documents)}});
    }
    QJsonObject findings;
    for (Severity severity : allSeverities) {
        findings.insert(severityName(severity), qint64(stats.bySeverity[std::size_t(severity)]));
    }
    QJsonArray roundArray;
    for (const RoundReport &report : rounds) {
        roundArray.append(roundJson(report));
    }
    QJsonObject object{
        {QStringLiteral("store"), store.path()}, {QStringLiteral("documents"), qint64(stats.documents)},
        {QStringLiteral("status"), statuses},    {QStringLiteral("labels"), labels},
        {QStringLiteral("rules"), rules},        {QStringLiteral("findings"), findings},
        {QStringLiteral("target"), target},      {QStringLiteral("rounds"), roundArray},
    };
    object.insert(QStringLiteral("suggestions"), suggestions);
    QJsonArray disagreeing;
    for (const ReviewStore::Disagreement &document : storeStats.mostDisagreeing) {
        disagreeing.append(QJsonObject{{QStringLiteral("id"), document.id}, {QStringLiteral("differences"), document.count}});
    }
    object.insert(QStringLiteral("most_disagreeing"), disagreeing);
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

} // namespace

int runStats(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Summarise a batch's review: documents per status, spans per label, findings per rule and "
                       "severity in the reviewers' versions, the model suggestions per label that reviewers accepted, "
                       "rejected or left pending, with the model's precision as they judged it and the documents where "
                       "its suggestions and the spans differ most, and for each "
                       "spot-check round the error rate, its 95% "
                       "Wilson score interval and the decision against the target rate: accept when the upper bound "
                       "is at or below it, reject when the lower bound is above it, otherwise continue.\n\n"
                       "Exit status: 0 printed, 2 bad usage, an unknown round or a store that cannot be read."));
    parser.addHelpOption();
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("Output format: text or json."),
                                          QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption roundOption(QStringLiteral("round"),
                                         QStringLiteral("Only this round, with its documents' judgements."),
                                         QStringLiteral("ROUND"));
    const QCommandLineOption targetOption(QStringLiteral("target"),
                                          QStringLiteral("The highest acceptable error rate, above 0 and below 1 "
                                                         "(default 0.05)."),
                                          QStringLiteral("RATE"), QStringLiteral("0.05"));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({formatOption, roundOption, targetOption, storeOption, reviewerOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const std::optional<QString> format = oneOf(parser, formatOption, {QStringLiteral("text"), QStringLiteral("json")});
    if (!format) {
        return ExitUsage;
    }
    bool ok = false;
    const double target = parser.value(targetOption).toDouble(&ok);
    if (!ok || !(target > 0 && target < 1)) {
        Console::error(QStringLiteral("--target is an error rate above 0 and below 1, not \"%1\"")
                           .arg(parser.value(targetOption)));
        return ExitUsage;
    }
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::None);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const Expected<StoreStats> stats = StoreStats::read(*store, Schema::builtin(), target, parser.value(roundOption));
    if (!stats) {
        Console::error(stats.error().message);
        return ExitUsage;
    }
    Console::out(*format == u"json" ? json(*store, *stats, target)
                                    : text(*store, *stats, target, parser.isSet(roundOption)));
    Console::flush();
    return ExitOk;
}

} // namespace annorev
