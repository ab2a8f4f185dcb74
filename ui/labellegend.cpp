#include "labellegend.h"

#include "schema.h"
#include "spanselections.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace annorev {

LabelLegend::LabelLegend(const Schema &schema, QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (const LabelInfo &label : schema.labels()) {
        // Schema files come from users: names are shown as plain text.
        auto *chip = new QLabel(this);
        chip->setTextFormat(Qt::PlainText);
        chip->setText(label.shortcut.isNull() ? label.displayName
                                              : label.displayName + u" ("_s + label.shortcut + u')');
        chip->setAutoFillBackground(true);
        QPalette palette = chip->palette();
        palette.setColor(QPalette::Window, SpanSelections::background(label.colour));
        chip->setPalette(palette);
        chip->setContentsMargins(4, 1, 4, 1);
        chip->setToolTip(label.shortcut.isNull() ? tr("Spans tagged %1").arg(label.name)
                                                 : tr("Spans tagged %1; shortcut %2").arg(label.name, label.shortcut));
        chip->setAccessibleName(label.displayName);
        layout->addWidget(chip);
    }
    layout->addStretch();
    setAccessibleName(tr("Label legend"));
}

} // namespace annorev
