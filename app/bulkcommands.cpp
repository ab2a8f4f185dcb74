#include "batchstore.h"
#include "bulkeditrun.h"
#include "commands.h"
#include "console.h"
#include "exportoptions.h"
#include "rules/ruleset.h"
#include "schema.h"

#include <QCommandLineParser>

namespace annorev {

namespace {

QCommandLineOption dryRunOption()
{
    return {QStringLiteral("dry-run"), QStringLiteral("Print what would change and write nothing.")};
}

QCommandLineOption statusOption()
{
    return {QStringLiteral("status"),
            QStringLiteral("Only documents with these statuses: all, or statuses separated by commas (default all)."),
            QStringLiteral("STATUS"), QStringLiteral("all")};
}

void addBatchArguments(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Only these documents (default: all)."),
                                 QStringLiteral("[ID...]"));
}

// What tag, untag, relabel and fix share once their request is read: the scope, the store, the
// preview printed hit by hit, the write (without --dry-run) and the summary.
int previewAndWrite(const QCommandLineParser &parser, const BulkRequest &request,
                    const QCommandLineOption &dryRunOption, const QCommandLineOption &statusOption)
{
    const Schema &schema = Schema::builtin();
    BulkScope scope;
    const Expected<QList<ReviewStatus>> statuses = ExportOptions::parseStatuses(parser.value(statusOption));
    if (!statuses) {
        Console::error(QStringLiteral("--status: ") + statuses.error().message);
        return ExitUsage;
    }
    scope.statuses = *statuses;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        Console::error(QStringLiteral("name one batch (see --help)"));
        return ExitUsage;
    }
    scope.ids = positional.mid(1);

    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::Any);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const Checker checker = BatchStore::checker();
    // A fix reads the rule's findings from the checker; tag, untag and relabel need none.
    const Expected<BulkPreview> preview =
        BulkEditRun::preview(*store, scope, request, schema, request.action == BulkRequest::Fix ? &checker : nullptr);
    if (!preview) {
        Console::error(preview.error().message);
        return ExitUsage;
    }
    QByteArray out;
    for (const BulkDocument &doc : preview->documents) {
        const QByteArray id = Console::escaped(doc.id);
        for (const BulkHit &hit : doc.hits) {
            const QString what =
                request.action == BulkRequest::Fix ? hit.description : doc.text.mid(hit.start, hit.end - hit.start);
            out += id + ':' + QByteArray::number(hit.codePointStart) + '-' + QByteArray::number(hit.codePointEnd) +
                   ": " + Console::escaped(what);
            if (!hit.applies()) {
                out += " (" + Console::escaped(BulkEdit::describe(request, hit)) + ')';
            }
            out += '\n';
            if (request.action == BulkRequest::Fix && hit.applies()) {
                out +=
                    "  - " + Console::escaped(hit.taggedBefore) + "\n  + " + Console::escaped(hit.taggedAfter) + '\n';
            }
        }
    }
    Console::out(out);
    const bool dryRun = parser.isSet(dryRunOption);
    qsizetype changed = 0;
    if (dryRun) {
        changed = std::count_if(preview->documents.cbegin(), preview->documents.cend(),
                                [](const BulkDocument &doc) { return doc.applicable() > 0; });
    } else {
        const QList<ReviewStore::TextWrite> writes = BulkEditRun::writes(*preview, {}, schema, checker);
        if (const Expected<void> saved = store->setTaggedTexts(writes, BatchStore::reviewer(parser)); !saved) {
            Console::flush();
            Console::error(saved.error().message);
            return ExitUsage;
        }
        changed = writes.size();
    }
    Console::out(BulkEditRun::summary(*preview, !dryRun, changed).toUtf8() + '\n');
    Console::flush();
    return ExitOk;
}

// tag, untag and relabel: one search over the store, the same options, the same output.
int runBulk(const QStringList &arguments, BulkRequest::Action action)
{
    const Schema &schema = Schema::builtin();
    QStringList labelNames;
    for (const LabelInfo &label : schema.labels()) {
        labelNames.append(label.name);
    }
    QCommandLineParser parser;
    const QString what = action == BulkRequest::Tag     ? QStringLiteral("Tag every occurrence of a text as LABEL")
                         : action == BulkRequest::Untag ? QStringLiteral("Remove the LABEL spans whose text matches")
                                                        : QStringLiteral("Relabel the LABEL spans whose text matches");
    parser.setApplicationDescription(
        what %
        QStringLiteral(" in the reviewers' versions of a batch's documents, in one transaction with an audit row per "
                       "document changed. Prints \"ID:START-END: TEXT\" for each hit (offsets in code points of the "
                       "plain text), a hit that is skipped followed by why, then a summary.\n\n") %
        (action == BulkRequest::Tag
             ? QStringLiteral("A hit exactly covered by a LABEL span already, or overlapping any span, is skipped.\n")
             : QString()) %
        QStringLiteral("--whole-words takes words as the mention-untagged rule does: X-7B-Instruct holds no whole-word "
                       "X-7B.\nExit status: 0 done (or nothing found), 2 bad usage, a bad regular expression, unknown "
                       "ids or a store that cannot be written (then nothing is changed)."));
    parser.addHelpOption();
    const QCommandLineOption labelOption(QStringLiteral("label"),
                                         (action == BulkRequest::Tag
                                              ? QStringLiteral("The label to tag with: ")
                                              : QStringLiteral("The label of the spans to change: ")) %
                                             labelNames.join(QStringLiteral(", ")) % u'.',
                                         QStringLiteral("LABEL"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("The new label."), QStringLiteral("LABEL"));
    const QCommandLineOption matchOption(QStringLiteral("match"), QStringLiteral("The text to find, literally."),
                                         QStringLiteral("TEXT"));
    const QCommandLineOption regexOption(QStringLiteral("regex"),
                                         QStringLiteral("A regular expression to find instead (PCRE2 syntax)."),
                                         QStringLiteral("RE"));
    const QCommandLineOption wholeWordsOption(QStringLiteral("whole-words"), QStringLiteral("Only whole words."));
    const QCommandLineOption ignoreCaseOption(QStringLiteral("ignore-case"), QStringLiteral("Ignore case."));
    const QCommandLineOption dryRun = dryRunOption();
    const QCommandLineOption status = statusOption();
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({labelOption, matchOption, regexOption, wholeWordsOption, ignoreCaseOption, dryRun, status,
                       reviewerOption, storeOption});
    if (action == BulkRequest::Relabel) {
        parser.addOption(toOption);
    }
    addBatchArguments(parser);
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }

    BulkRequest request;
    request.action = action;
    auto knownLabel = [&](const QCommandLineOption &option) -> std::optional<QString> {
        const QString name = parser.value(option);
        if (!parser.isSet(option)) {
            Console::error(QStringLiteral("--%1 is required (%2)")
                               .arg(option.names().constFirst(), labelNames.join(QStringLiteral(", "))));
            return std::nullopt;
        }
        if (!schema.label(name)) {
            Console::error(QStringLiteral("--%1 is one of %2, not \"%3\"")
                               .arg(option.names().constFirst(), labelNames.join(QStringLiteral(", ")), name));
            return std::nullopt;
        }
        return name;
    };
    const std::optional<QString> label = knownLabel(labelOption);
    if (!label) {
        return ExitUsage;
    }
    request.label = *label;
    if (action == BulkRequest::Relabel) {
        const std::optional<QString> to = knownLabel(toOption);
        if (!to) {
            return ExitUsage;
        }
        if (*to == *label) {
            Console::error(QStringLiteral("--to names the label the spans have already"));
            return ExitUsage;
        }
        request.newLabel = *to;
    }
    if (parser.isSet(matchOption) == parser.isSet(regexOption)) {
        Console::error(QStringLiteral("give one of --match TEXT or --regex RE"));
        return ExitUsage;
    }
    request.match.regex = parser.isSet(regexOption);
    request.match.pattern = parser.value(request.match.regex ? regexOption : matchOption);
    request.match.wholeWords = parser.isSet(wholeWordsOption);
    request.match.ignoreCase = parser.isSet(ignoreCaseOption);
    // Before the store is opened: a mistyped expression touches nothing.
    if (const Expected<TextMatcher> matcher = TextMatcher::create(request.match); !matcher) {
        Console::error(matcher.error().message);
        return ExitUsage;
    }
    return previewAndWrite(parser, request, dryRun, status);
}

} // namespace

// fix: the suggested fix of every finding of one rule.
int runFix(const QStringList &arguments)
{
    QStringList fixable;
    QStringList all;
    for (const auto &rule : RuleSet::builtin().rules()) {
        all.append(QString(rule->info().id));
        if (rule->info().fixable) {
            fixable.append(all.constLast());
        }
    }
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Apply the suggested fix of every finding of RULE in the reviewers' versions of a batch's "
                       "documents, in one transaction with an audit row per document changed. Prints "
                       "\"ID:START-END: FIX\" for each finding (offsets in code points of the plain text) with the "
                       "change to the tagged text on the next two lines (- before, + after); a finding that is "
                       "skipped is followed by why; then a summary.\n\n"
                       "Only unambiguous fixes are made: a finding without a fix (the rule leaves the choice to a "
                       "reviewer), two findings whose fixes touch the same text, and a fix the editor refuses are "
                       "skipped.\nRules with fixes: ") %
        fixable.join(QStringLiteral(", ")) %
        QStringLiteral(".\nExit status: 0 done (or nothing found), 2 bad usage, an unknown rule, unknown ids or a "
                       "store that cannot be written (then nothing is changed)."));
    parser.addHelpOption();
    const QCommandLineOption ruleOption(QStringLiteral("rule"), QStringLiteral("The rule whose findings to fix."),
                                        QStringLiteral("RULE"));
    const QCommandLineOption dryRun = dryRunOption();
    const QCommandLineOption status = statusOption();
    parser.addOptions({ruleOption, dryRun, status, BatchStore::reviewerOption(), BatchStore::storeOption()});
    addBatchArguments(parser);
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    if (!parser.isSet(ruleOption)) {
        Console::error(QStringLiteral("--rule is required (%1)").arg(fixable.join(QStringLiteral(", "))));
        return ExitUsage;
    }
    const QString rule = parser.value(ruleOption);
    if (!RuleSet::builtin().find(rule)) {
        Console::error(QStringLiteral("--rule is one of %1, not \"%2\"").arg(all.join(QStringLiteral(", ")), rule));
        return ExitUsage;
    }
    BulkRequest request;
    request.action = BulkRequest::Fix;
    request.rule = rule;
    return previewAndWrite(parser, request, dryRun, status);
}

int runTag(const QStringList &arguments)
{
    return runBulk(arguments, BulkRequest::Tag);
}

int runUntag(const QStringList &arguments)
{
    return runBulk(arguments, BulkRequest::Untag);
}

int runRelabel(const QStringList &arguments)
{
    return runBulk(arguments, BulkRequest::Relabel);
}

} // namespace annorev
