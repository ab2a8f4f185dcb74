#pragma once

#include "bulkeditdialog.h"

class QCheckBox;
class QLineEdit;

namespace annorev {

// Edit › Tag All Occurrences…: a text or regular expression, whole words, case, a label and a
// scope; the preview lists every hit with its context. The options are remembered (QSettings).
class TagAllDialog final : public BulkEditDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagAllDialog)

public:
    TagAllDialog(ReviewSession &session, const QString &storePath, const Schema &schema, const Checker &checker,
                 const QStringList &shownIds, QWidget *parent = nullptr);

    // The text to find, from the selection in the text.
    void setPattern(const QString &pattern);

protected:
    BulkRequest request() const override;
    std::optional<QString> invalid(const BulkRequest &request) const override;
    QString undoText(const BulkRequest &request, qsizetype documents) const override;
    void saveOptions(QSettings &settings) const override;

private:
    QLineEdit *m_pattern = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_wholeWords = nullptr;
    QCheckBox *m_ignoreCase = nullptr;
    QComboBox *m_label = nullptr;
};

} // namespace annorev
