#include "noteedit.h"

#include <QAction>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace annorev {

NoteEdit::NoteEdit(QWidget *parent) : QLineEdit(parent)
{
    setObjectName(u"noteEdit"_s);
    setAccessibleName(tr("Review note"));
    setPlaceholderText(tr("Why this decision (needed to approve a document with errors)"));
    setClearButtonEnabled(true);
    m_needed = addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::LeadingPosition);
    m_needed->setToolTip(tr("Approving this document needs a note"));
    m_needed->setVisible(false);
    connect(this, &QLineEdit::textEdited, this, [this] { setAttention(false); });
}

void NoteEdit::setAttention(bool attention)
{
    m_needed->setVisible(attention);
    setProperty("attention", attention);
    if (!attention) {
        setPalette(QPalette());
        return;
    }
    // Tinted towards red: the colour is a second sign, the icon and the message the first ones.
    QPalette colours = palette();
    const QColor base = colours.color(QPalette::Base);
    const QColor red(0xe5, 0x39, 0x35);
    const float share = base.lightnessF() < 0.5 ? 0.3F : 0.2F;
    colours.setColor(QPalette::Base, QColor::fromRgbF(base.redF() * (1 - share) + red.redF() * share,
                                                      base.greenF() * (1 - share) + red.greenF() * share,
                                                      base.blueF() * (1 - share) + red.blueF() * share));
    setPalette(colours);
}

} // namespace annorev
