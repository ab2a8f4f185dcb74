#include "findinglistmodel.h"

#include "document.h"

namespace annorev {

namespace {

QString excerpt(const Document &doc, const Finding &finding)
{
    if (finding.end <= finding.start) {
        return FindingListModel::tr("(whole document)");
    }
    QString text = doc.text().mid(finding.start, finding.end - finding.start);
    for (QChar &c : text) {
        if (c == u'\n' || c == u'\r' || c == u'\t' || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            c = u' ';
        }
    }
    if (text.size() <= FindingListModel::MaxExcerptLength) {
        return text;
    }
    qsizetype cut = FindingListModel::MaxExcerptLength - 1;
    // Never split a surrogate pair: half a character renders as a replacement box.
    if (text.at(cut - 1).isHighSurrogate()) {
        --cut;
    }
    text.truncate(cut);
    text += u'…';
    return text;
}

} // namespace

FindingListModel::FindingListModel(QObject *parent) : QAbstractTableModel(parent) {}

FindingListModel::~FindingListModel() = default;

void FindingListModel::setSeverityIcons(const QList<QIcon> &icons)
{
    m_severityIcons = icons;
    if (!m_rows.isEmpty()) {
        Q_EMIT dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn), {Qt::DecorationRole});
    }
}

void FindingListModel::setFindings(const Document &doc, QList<Finding> findings)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(findings.size());
    for (Finding &finding : findings) {
        QString text = excerpt(doc, finding);
        m_rows.append({std::move(finding), std::move(text)});
    }
    endResetModel();
}

void FindingListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int FindingListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FindingListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const Finding &finding = row.finding;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityName(finding.severity);
        case RuleColumn:
            return finding.rule;
        case TextColumn:
            return row.excerpt;
        case MessageColumn:
            return finding.message;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn && int(finding.severity) < m_severityIcons.size()) {
            return m_severityIcons.at(int(finding.severity));
        }
        return {};
    case Qt::ToolTipRole:
        return finding.message;
    case SeverityRole:
        return int(finding.severity);
    case RuleRole:
        return finding.rule;
    case StartRole:
        return qint64(finding.start);
    case EndRole:
        return qint64(finding.end);
    case HasFixRole:
        return finding.fix.has_value();
    }
    return {};
}

QVariant FindingListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case TextColumn:
        return tr("Text");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

Qt::ItemFlags FindingListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid()) {
        return Qt::NoItemFlags;
    }
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
}

} // namespace annorev
