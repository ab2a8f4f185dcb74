#include "tagalldialog.h"

#include "appsettings.h"
#include "schema.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace annorev {

namespace {

const QString regexKey = u"tagAll/regex"_s;
const QString wholeWordsKey = u"tagAll/wholeWords"_s;
const QString ignoreCaseKey = u"tagAll/ignoreCase"_s;
const QString labelKey = u"tagAll/label"_s;

} // namespace

TagAllDialog::TagAllDialog(ReviewSession &session, const QString &storePath, const Schema &schema,
                           const Checker &checker, const QStringList &shownIds, QWidget *parent)
    : BulkEditDialog(u"tagAll"_s, ThisDocument, session, storePath, schema, checker, shownIds, parent)
{
    setWindowTitle(tr("Tag All Occurrences"));
    const QSettings settings = appSettings();

    m_pattern = new QLineEdit(this);
    m_pattern->setObjectName(u"tagAllPattern"_s);
    m_pattern->setAccessibleName(tr("Text to find"));
    m_regex = new QCheckBox(tr("Regular e&xpression"), this);
    m_regex->setObjectName(u"tagAllRegex"_s);
    m_regex->setChecked(settings.value(regexKey, false).toBool());
    m_wholeWords = new QCheckBox(tr("&Whole words"), this);
    m_wholeWords->setObjectName(u"tagAllWholeWords"_s);
    m_wholeWords->setChecked(settings.value(wholeWordsKey, true).toBool());
    m_ignoreCase = new QCheckBox(tr("&Ignore case"), this);
    m_ignoreCase->setObjectName(u"tagAllIgnoreCase"_s);
    m_ignoreCase->setChecked(settings.value(ignoreCaseKey, false).toBool());
    auto *options = new QHBoxLayout;
    options->addWidget(m_regex);
    options->addWidget(m_wholeWords);
    options->addWidget(m_ignoreCase);
    options->addStretch();

    m_label = addOptionBox(u"tagAllLabel"_s);
    for (const LabelInfo &label : schema.labels()) {
        m_label->addItem(label.displayName.isEmpty() ? label.name : label.displayName, label.name);
    }
    m_label->setCurrentIndex(std::max(0, m_label->findData(settings.value(labelKey).toString())));

    form()->insertRow(0, tr("&Find:"), m_pattern);
    form()->insertRow(1, QString(), options);
    form()->insertRow(2, tr("&Label:"), m_label);

    connect(m_pattern, &QLineEdit::textEdited, this, &TagAllDialog::optionsChanged);
    for (QCheckBox *box : {m_regex, m_wholeWords, m_ignoreCase}) {
        connect(box, &QCheckBox::toggled, this, &TagAllDialog::optionsChanged);
    }
    // Top to bottom: the base class made the scope and the buttons first.
    setTabOrder(m_pattern, m_regex);
    setTabOrder(m_regex, m_wholeWords);
    setTabOrder(m_wholeWords, m_ignoreCase);
    setTabOrder(m_ignoreCase, m_label);
    setTabOrder(m_label, scopeBox());
    m_pattern->setFocus();
}

void TagAllDialog::setPattern(const QString &pattern)
{
    m_pattern->setText(pattern);
    m_pattern->selectAll();
    optionsChanged();
}

BulkRequest TagAllDialog::request() const
{
    BulkRequest request;
    request.action = BulkRequest::Tag;
    request.label = m_label->currentData().toString();
    request.match = {m_pattern->text(), m_regex->isChecked(), m_wholeWords->isChecked(), m_ignoreCase->isChecked()};
    return request;
}

std::optional<QString> TagAllDialog::invalid(const BulkRequest &request) const
{
    if (const Expected<TextMatcher> matcher = TextMatcher::create(request.match); !matcher) {
        return matcher.error().message;
    }
    return std::nullopt;
}

QString TagAllDialog::undoText(const BulkRequest &request, qsizetype documents) const
{
    const QString what = tr("Tag all \u201c%1\u201d as %2").arg(request.match.pattern, request.label);
    return documents == 1 ? tr("%1 (1 document)").arg(what) : tr("%1 (%2 documents)").arg(what).arg(documents);
}

void TagAllDialog::saveOptions(QSettings &settings) const
{
    settings.setValue(regexKey, m_regex->isChecked());
    settings.setValue(wholeWordsKey, m_wholeWords->isChecked());
    settings.setValue(ignoreCaseKey, m_ignoreCase->isChecked());
    settings.setValue(labelKey, m_label->currentData().toString());
}

} // namespace annorev
