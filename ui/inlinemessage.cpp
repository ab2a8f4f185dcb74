#include "inlinemessage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace annorev {

InlineMessage::InlineMessage(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"inlineMessage"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setAccessibleName(tr("Message"));
    m_icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size, size));
    m_text = new QLabel(this);
    m_text->setObjectName(u"inlineMessageText"_s);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_close = new QToolButton(this);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton, nullptr, this));
    m_close->setToolTip(tr("Close"));
    m_close->setAccessibleName(tr("Close message"));
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 3, 3);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(TimeoutMs);
    connect(m_timer, &QTimer::timeout, this, &QWidget::hide);
    updateColours();
    hide();
}

InlineMessage::~InlineMessage() = default;

void InlineMessage::showMessage(const QString &text)
{
    m_text->setText(text);
    show();
    m_timer->start();
}

QString InlineMessage::text() const
{
    return m_text->text();
}

void InlineMessage::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateColours();
    }
}

void InlineMessage::updateColours()
{
    // The base tinted towards amber, so that the notice stands out on light and dark palettes
    // while the palette's own text colour stays legible on it.
    const QColor base = parentWidget() ? parentWidget()->palette().color(QPalette::Base) : QColor(Qt::white);
    const QColor amber(0xff, 0xb3, 0x00);
    const double share = base.lightnessF() < 0.5 ? 0.25 : 0.3;
    const QColor tint = QColor::fromRgbF(float(base.redF() * (1 - share) + amber.redF() * share),
                                         float(base.greenF() * (1 - share) + amber.greenF() * share),
                                         float(base.blueF() * (1 - share) + amber.blueF() * share));
    QPalette colours = palette();
    if (colours.color(QPalette::Window) != tint) {
        colours.setColor(QPalette::Window, tint);
        setPalette(colours);
    }
}

} // namespace annorev
