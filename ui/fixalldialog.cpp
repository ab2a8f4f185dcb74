#include "fixalldialog.h"

#include "rules/ruleset.h"

#include <QComboBox>
#include <QFormLayout>

using namespace Qt::StringLiterals;

namespace annorev {

FixAllDialog::FixAllDialog(const QString &rule, ReviewSession &session, const QString &storePath, const Schema &schema,
                           const Checker &checker, const QStringList &shownIds, QWidget *parent)
    : BulkEditDialog(u"fixAll"_s, WholeBatch, session, storePath, schema, checker, shownIds, parent)
{
    setWindowTitle(tr("Apply Fix Everywhere"));
    m_rule = addOptionBox(u"fixAllRule"_s);
    for (const auto &each : RuleSet::builtin().rules()) {
        const RuleInfo &info = each->info();
        if (!info.fixable) {
            continue;
        }
        m_rule->addItem(QString(info.id), QString(info.id));
        m_rule->setItemData(m_rule->count() - 1, info.fix, Qt::ToolTipRole);
    }
    m_rule->setCurrentIndex(std::max(0, m_rule->findData(rule)));
    form()->insertRow(0, tr("&Rule:"), m_rule);
    setTabOrder(m_rule, scopeBox());
}

QString FixAllDialog::rule() const
{
    return m_rule->currentData().toString();
}

BulkRequest FixAllDialog::request() const
{
    BulkRequest request;
    request.action = BulkRequest::Fix;
    request.rule = rule();
    return request;
}

QString FixAllDialog::undoText(const BulkRequest &request, qsizetype documents) const
{
    return documents == 1 ? tr("Fix every %1 finding (1 document)").arg(request.rule)
                          : tr("Fix every %1 finding (%2 documents)").arg(request.rule).arg(documents);
}

} // namespace annorev
