#pragma once

#include "plaintooltipdelegate.h"

#include <QStringList>

namespace annorev {

// Editors that fit each kind of record value: a spin box for GPU counts and years, a line edit
// that completes country names, a line edit with the span's text for the rest. What an editor
// gives is written back as the span's new text.
class RecordDelegate final : public PlainToolTipDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordDelegate)

public:
    RecordDelegate(QStringList countries, QObject *parent = nullptr);
    ~RecordDelegate() override;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

private:
    QStringList m_countries;
};

} // namespace annorev
