#pragma once

#include "bulkeditdialog.h"

namespace annorev {

// Apply This Fix Everywhere… (a finding's context menu, Edit menu): the suggested fix of every
// finding of one rule across the scope. The preview lists each finding with what its fix does and
// the change to the tagged text, line before and line after, and the findings it skips with why
// (no fix a program can make, two fixes over the same text, a fix the editor refuses).
class FixAllDialog final : public BulkEditDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FixAllDialog)

public:
    // rule: the rule first chosen (the finding's); the list holds every rule whose findings can
    // carry a fix.
    FixAllDialog(const QString &rule, ReviewSession &session, const QString &storePath, const Schema &schema,
                 const Checker &checker, const QStringList &shownIds, QWidget *parent = nullptr);

    QString rule() const;

protected:
    BulkRequest request() const override;
    QString undoText(const BulkRequest &request, qsizetype documents) const override;

private:
    QComboBox *m_rule = nullptr;
};

} // namespace annorev
