#include "documententry.h"

#include "document.h"
#include "finding.h"
#include "rules/ruleset.h"
#include "schema.h"

namespace annorev::DocumentEntry {

namespace {

constexpr int maskBits = 64;

quint64 bit(int index)
{
    return index >= 0 && index < maskBits ? quint64(1) << index : 0;
}

void count(DocumentListModel::Entry &entry, Severity severity)
{
    switch (severity) {
    case Severity::Error:
        ++entry.errorCount;
        break;
    case Severity::Warning:
        ++entry.warningCount;
        break;
    case Severity::Info:
        ++entry.infoCount;
        break;
    }
}

} // namespace

int labelBit(const Schema &schema, QStringView label)
{
    const int index = schema.indexOf(label);
    return index < maskBits ? index : -1;
}

int ruleBit(QStringView rule)
{
    const auto &rules = RuleSet::builtin().rules();
    for (int i = 0; i < int(rules.size()) && i < maskBits; ++i) {
        if (rules[std::size_t(i)]->info().id == rule) {
            return i;
        }
    }
    return -1;
}

DocumentListModel::Entry fromStore(const ReviewStore::ListEntry &stored, const Schema &schema)
{
    DocumentListModel::Entry entry{
        stored.id, int(stored.errors), int(stored.warnings), int(stored.infos), stored.status, 0, 0};
    for (const QString &label : stored.labels) {
        entry.labelMask |= bit(labelBit(schema, label));
    }
    for (const QString &rule : stored.rules) {
        entry.ruleMask |= bit(ruleBit(rule));
    }
    return entry;
}

DocumentListModel::Entry fromCheck(const QString &id, ReviewStatus status, const Document &doc,
                                   const QList<Finding> &findings, const Schema &schema)
{
    DocumentListModel::Entry entry{id};
    entry.status = status;
    for (const Span &span : doc.spans()) {
        entry.labelMask |= bit(labelBit(schema, span.label));
    }
    for (const Finding &finding : findings) {
        count(entry, finding.severity);
        entry.ruleMask |= bit(ruleBit(finding.rule));
    }
    return entry;
}

} // namespace annorev::DocumentEntry
