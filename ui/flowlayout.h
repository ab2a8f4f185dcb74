#pragma once

#include <QLayout>
#include <QList>
#include <QStyle>

namespace annorev {

// Lays its items out left to right and wraps them onto further rows when the width runs out, so a
// row of buttons needs only the width of its widest button. Rows are as tall as their tallest item;
// the layout reports the height it needs for a width (heightForWidth), which box layouts and
// splitters above it honour.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int horizontalSpacing = -1, int verticalSpacing = -1);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

    // Spacing between items in a row and between rows; from the style when not set.
    int horizontalSpacing() const;
    int verticalSpacing() const;

private:
    // Places the items in rect (only computes when apply is false); returns the height used.
    int arrange(const QRect &rect, bool apply) const;
    int spacingFromStyle(QStyle::PixelMetric metric) const;

    QList<QLayoutItem *> m_items;
    int m_horizontalSpacing;
    int m_verticalSpacing;
};

} // namespace annorev
