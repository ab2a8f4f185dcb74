#include "bulkeditrun.h"

#include "checker.h"
#include "reviewrules.h"
#include "schema.h"
#include "textfacts.h"

#include <QCoreApplication>
#include <QLocale>
#include <QScopeGuard>
#include <QSet>
#include <QtConcurrent>

#include <algorithm>

namespace annorev {

qsizetype BulkDocument::applicable() const
{
    return std::count_if(hits.cbegin(), hits.cend(), [](const BulkHit &hit) { return hit.applies(); });
}

qsizetype BulkPreview::hits() const
{
    qsizetype count = 0;
    for (const BulkDocument &doc : documents) {
        count += doc.hits.size();
    }
    return count;
}

qsizetype BulkPreview::countOf(BulkHit::State state) const
{
    qsizetype count = 0;
    for (const BulkDocument &doc : documents) {
        count += std::count_if(doc.hits.cbegin(), doc.hits.cend(),
                               [state](const BulkHit &hit) { return hit.state == state; });
    }
    return count;
}

namespace BulkEditRun {

namespace {

// Read from the store at once, then searched on every core: large enough that the store's query
// per block costs little, small enough that a cancel is felt within a fraction of a second.
constexpr qsizetype blockSize = 2048;

BulkDocument::Counts countsOf(const CheckResult &result)
{
    BulkDocument::Counts counts;
    for (const Finding &finding : result.findings) {
        if (finding.severity == Severity::Error) {
            ++counts.errors;
        } else if (finding.severity == Severity::Warning) {
            ++counts.warnings;
        }
    }
    return counts;
}

} // namespace

QString cancelledMessage()
{
    return QCoreApplication::translate("BulkEditRun", "cancelled");
}

Expected<BulkPreview> preview(const ReviewStore &store, const BulkScope &scope, const BulkRequest &request,
                              const Schema &schema, const Checker *findings, const Control &control)
{
    const bool fixing = request.action == BulkRequest::Fix;
    // A fix needs no pattern; its findings come from the checker.
    const Expected<TextMatcher> matcher =
        fixing ? TextMatcher::create({QStringLiteral("-"), false, false, false}) : TextMatcher::create(request.match);
    if (!matcher) {
        return matcher.error();
    }
    if (fixing && !findings) {
        return Error{QCoreApplication::translate("BulkEditRun", "fixing findings needs the checker")};
    }
    // The ids in scope, in order; the headers give every document's status without its text.
    const Expected<QList<ExportDocument>> headers = store.exportHeaders();
    if (!headers) {
        return headers.error();
    }
    QHash<QString, ReviewStatus> statusOf;
    statusOf.reserve(headers->size());
    for (const ExportDocument &header : *headers) {
        statusOf.insert(header.id, header.status);
    }
    QStringList unknown;
    for (const QString &id : scope.ids) {
        if (!statusOf.contains(id)) {
            unknown.append(id);
        }
    }
    if (!unknown.isEmpty()) {
        return ReviewRules::unknownDocuments(unknown, store.path(), QStringLiteral("nothing was changed"));
    }
    auto inScope = [&](const QString &id) {
        return scope.statuses.isEmpty() || scope.statuses.contains(statusOf.value(id));
    };
    QStringList ids;
    if (scope.ids.isEmpty()) {
        ids.reserve(headers->size());
        for (const ExportDocument &header : *headers) {
            if (inScope(header.id)) {
                ids.append(header.id);
            }
        }
    } else {
        QSet<QString> seen;
        for (const QString &id : scope.ids) {
            if (!seen.contains(id) && inScope(id)) {
                seen.insert(id);
                ids.append(id);
            }
        }
    }

    const std::function<std::optional<BulkDocument>(const ExportDocument &)> search =
        [&](const ExportDocument &stored) -> std::optional<BulkDocument> {
        const Document doc = Document::parse(stored.taggedText, schema);
        std::optional<CheckResult> checked;
        if (fixing) {
            checked = findings->check(doc);
        }
        QList<BulkHit> hits = fixing ? BulkEdit::findFixes(doc, *checked, request, schema)
                                     : BulkEdit::find(doc, request, *matcher, schema);
        if (hits.isEmpty()) {
            return std::nullopt;
        }
        BulkDocument found{stored.id, stored.status, stored.taggedText, doc.text(), std::move(hits), {}, {}};
        if (findings) {
            found.findingsBefore = countsOf(checked ? *checked : findings->check(doc));
            found.findingsAfter = countsOf(findings->check(BulkEdit::apply(doc, request, found.hits, {}, schema)));
        }
        return found;
    };
    BulkPreview result;
    result.request = request;
    // The workers search a block while this thread reads the next one from the store.
    QFuture<std::optional<BulkDocument>> searching;
    qsizetype searchingSize = -1; // none yet
    // Every return waits for the workers: they use what this function holds.
    const auto waitForWorkers = qScopeGuard([&searching] { searching.waitForFinished(); });
    auto collect = [&] {
        for (const std::optional<BulkDocument> &doc : searching.results()) {
            if (doc) {
                result.documents.append(*doc);
            }
        }
        result.searched += searchingSize;
        if (control.progress) {
            control.progress(result.searched, ids.size());
        }
    };
    for (qsizetype begin = 0; begin < ids.size(); begin += blockSize) {
        if (control.cancelled && control.cancelled()) {
            return Error{cancelledMessage()};
        }
        Expected<QList<ExportDocument>> block = store.exportDocuments(ids.mid(begin, blockSize));
        if (!block) {
            return block.error();
        }
        if (searchingSize >= 0) {
            collect();
        }
        searchingSize = block->size();
        searching = QtConcurrent::mapped(*std::move(block), search);
    }
    if (searchingSize >= 0) {
        collect();
    }
    return result;
}

QList<ReviewStore::TextWrite> writes(const BulkPreview &preview, const BulkSelection &selection, const Schema &schema,
                                     const Checker &checker)
{
    const std::function<std::optional<ReviewStore::TextWrite>(const BulkDocument &)> each =
        [&](const BulkDocument &found) {
            return write(found, preview.request, selection, schema, checker);
        };
    const QList<std::optional<ReviewStore::TextWrite>> made = QtConcurrent::blockingMapped(preview.documents, each);
    QList<ReviewStore::TextWrite> result;
    for (const std::optional<ReviewStore::TextWrite> &one : made) {
        if (one) {
            result.append(*one);
        }
    }
    return result;
}

std::optional<ReviewStore::TextWrite> write(const BulkDocument &found, const BulkRequest &request,
                                            const BulkSelection &selection, const Schema &schema,
                                            const Checker &checker)
{
    const QList<bool> selected = selection.value(found.id);
    const Document before = Document::parse(found.before, schema);
    const Document after = BulkEdit::apply(before, request, found.hits, selected, schema);
    if (after.source() == found.before) {
        return std::nullopt;
    }
    return ReviewStore::TextWrite{found.id, found.before, after.source(), TextFacts::of(after, checker.check(after))};
}

QString summary(const BulkPreview &preview, bool applied, qsizetype documentsChanged)
{
    QLocale locale = QLocale::c();
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    // QString, not auto: a QStringBuilder would outlive the temporaries it refers to.
    auto count = [&locale](qsizetype n, const char *one, const char *many) -> QString {
        return locale.toString(n) + u' ' + QLatin1StringView(n == 1 ? one : many);
    };
    const BulkRequest::Action action = preview.request.action;
    const QString verb = BulkEdit::verb(action);
    const QString done = !applied                         ? QStringLiteral("would ") + verb
                         : action == BulkRequest::Relabel ? QStringLiteral("relabelled")
                         : action == BulkRequest::Fix     ? QStringLiteral("fixed")
                                                          : verb + QStringLiteral("ged");
    const qsizetype skipped = preview.hits() - preview.countOf(BulkHit::Apply);
    const bool fixing = action == BulkRequest::Fix;
    QString line = count(preview.hits(), fixing ? "finding" : "hit", fixing ? "findings" : "hits") +
                   QStringLiteral(" in ") + locale.toString(preview.documents.size()) + QStringLiteral(" of ") +
                   count(preview.searched, "document", "documents") + QStringLiteral(": ") + done + u' ' +
                   locale.toString(preview.countOf(BulkHit::Apply)) + QStringLiteral(", ") + locale.toString(skipped) +
                   QStringLiteral(" skipped");
    if (skipped > 0) {
        QStringList reasons;
        if (const qsizetype n = preview.countOf(BulkHit::AlreadyTagged)) {
            reasons << locale.toString(n) + QStringLiteral(" already tagged");
        }
        if (const qsizetype n = preview.countOf(BulkHit::OverlapsSpan)) {
            reasons << locale.toString(n) + QStringLiteral(" overlapping a span");
        }
        if (const qsizetype n = preview.countOf(BulkHit::NoFix)) {
            reasons << locale.toString(n) + QStringLiteral(" without a fix a program can make");
        }
        if (const qsizetype n = preview.countOf(BulkHit::Conflicting)) {
            reasons << locale.toString(n) + QStringLiteral(" whose fixes touch the same text");
        }
        if (const qsizetype n = preview.countOf(BulkHit::Refused)) {
            reasons << locale.toString(n) + QStringLiteral(" refused by the editor");
        }
        line += QStringLiteral(" (%1)").arg(reasons.join(QStringLiteral(", ")));
    }
    line += u"; " + count(documentsChanged, "document", "documents") +
            (applied ? QStringLiteral(" changed") : QStringLiteral(" would change"));
    return line;
}

} // namespace BulkEditRun

} // namespace annorev
