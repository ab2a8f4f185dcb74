#pragma once

#include <QList>
#include <QWidget>

class QAction;

namespace annorev {

class Schema;

// The labels of the schema as buttons in their colours, each naming its shortcut key; a button
// triggers the action that tags the selection with its label.
class LabelLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelLegend)

public:
    // tagActions[i] tags with the schema's label i.
    LabelLegend(const Schema &schema, const QList<QAction *> &tagActions, QWidget *parent = nullptr);
    ~LabelLegend() override;

    // A square in the label's colour, for buttons and menus.
    static QIcon swatch(const QColor &colour);
};

} // namespace annorev
