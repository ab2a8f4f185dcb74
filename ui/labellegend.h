#pragma once

#include <QWidget>

namespace annorev {

class Schema;

// A row of the schema's labels, each drawn the way its spans are highlighted, with its shortcut.
class LabelLegend final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LabelLegend)

public:
    explicit LabelLegend(const Schema &schema, QWidget *parent = nullptr);
};

} // namespace annorev
