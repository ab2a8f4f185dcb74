#include "labellegend.h"

#include "flowlayout.h"
#include "labelcolour.h"
#include "schema.h"
#include "spanselections.h"

#include <QAction>
#include <QPainter>
#include <QPixmap>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace annorev {

LabelLegend::LabelLegend(const Schema &schema, const QList<QAction *> &tagActions, QWidget *parent) : QWidget(parent)
{
    // The buttons wrap onto a second row rather than widen the text pane beyond the window.
    auto *layout = new FlowLayout(this, 2, 2);
    layout->setContentsMargins(0, 0, 0, 0);
    for (qsizetype i = 0; i < schema.labels().size() && i < tagActions.size(); ++i) {
        const LabelInfo &label = schema.labels().at(i);
        QAction *action = tagActions.at(i);
        auto *button = new QToolButton(this);
        button->setObjectName(u"labelButton-"_s + label.name);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setIcon(swatch(labelColour(label)));
        // Schema files come from users; a QToolButton shows its text as plain text.
        button->setText(label.shortcut.isNull() ? label.displayName
                                                : label.displayName + u" \u2009"_s + label.shortcut);
        button->setToolTip(action->toolTip());
        button->setAccessibleName(tr("Tag as %1").arg(label.displayName));
        button->setFocusPolicy(Qt::NoFocus); // the text keeps its selection and focus
        connect(button, &QToolButton::clicked, action, &QAction::trigger);
        connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        button->setEnabled(action->isEnabled());
        layout->addWidget(button);
    }
    setAccessibleName(tr("Labels"));
}

LabelLegend::~LabelLegend() = default;

QIcon LabelLegend::swatch(const QColor &colour)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour.darker(140), 2));
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(3, 3, 26, 26), 6, 6);
    return QIcon(pixmap);
}

} // namespace annorev
