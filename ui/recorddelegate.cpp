#include "recorddelegate.h"

#include "recordtablemodel.h"

#include <QCompleter>
#include <QLineEdit>
#include <QSpinBox>

namespace annorev {

namespace {

constexpr int maxGpuCount = 10'000'000;
constexpr int firstYear = 1900;
constexpr int lastYear = 2200;

int fieldOf(const QModelIndex &index)
{
    return index.data(RecordTableModel::FieldRole).toInt();
}

// The field whose editor a cell gets: a count that does not read as a number ("a few") is
// edited as text rather than forced into a spin box.
int editorField(const QModelIndex &index)
{
    const int field = fieldOf(index);
    const bool count = field == RecordTableModel::GpuCountColumn || field == RecordTableModel::YearColumn;
    return count && !index.data(RecordTableModel::ValueRole).isValid() ? -1 : field;
}

} // namespace

RecordDelegate::RecordDelegate(QStringList countries, QObject *parent)
    : PlainToolTipDelegate(parent), m_countries(std::move(countries))
{
}

RecordDelegate::~RecordDelegate() = default;

QWidget *RecordDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    switch (editorField(index)) {
    case RecordTableModel::GpuCountColumn:
    case RecordTableModel::YearColumn: {
        auto *spin = new QSpinBox(parent);
        spin->setFrame(false);
        spin->setGroupSeparatorShown(false);
        if (fieldOf(index) == RecordTableModel::YearColumn) {
            spin->setRange(firstYear, lastYear);
        } else {
            spin->setRange(1, maxGpuCount);
        }
        spin->setAccessibleName(tr("Value"));
        return spin;
    }
    case RecordTableModel::CountryColumn: {
        auto *edit = new QLineEdit(parent);
        edit->setFrame(false);
        auto *completer = new QCompleter(m_countries, edit);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setFilterMode(Qt::MatchContains);
        edit->setCompleter(completer);
        edit->setAccessibleName(tr("Country"));
        return edit;
    }
    default:
        return PlainToolTipDelegate::createEditor(parent, option, index);
    }
}

void RecordDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(index.data(RecordTableModel::ValueRole).toInt());
        spin->selectAll();
        return;
    }
    PlainToolTipDelegate::setEditorData(editor, index);
}

void RecordDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        // An unchanged number keeps the span's own words ("eight").
        const QVariant value = index.data(RecordTableModel::ValueRole);
        if (value.isValid() && value.toInt() == spin->value()) {
            return;
        }
        model->setData(index, QString::number(spin->value()), Qt::EditRole);
        return;
    }
    PlainToolTipDelegate::setModelData(editor, model, index);
}

} // namespace annorev
