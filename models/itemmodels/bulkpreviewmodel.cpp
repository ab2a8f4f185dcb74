#include "bulkpreviewmodel.h"

#include "checker.h"
#include "schema.h"

namespace annorev {

namespace {

// "2 errors, 3 warnings"
QString counts(const BulkDocument::Counts &counts)
{
    // English plurals: annorev ships no translations, which is where "%n error(s)" would get them.
    return (counts.errors == 1 ? BulkPreviewModel::tr("1 error")
                               : BulkPreviewModel::tr("%1 errors").arg(counts.errors)) +
           QStringLiteral(", ") +
           (counts.warnings == 1 ? BulkPreviewModel::tr("1 warning")
                                 : BulkPreviewModel::tr("%1 warnings").arg(counts.warnings));
}

// One line: a line break or tab in the context would break the row.
QString oneLine(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph || c.unicode() < 0x20) {
            c = u' ';
        }
    }
    return text;
}

} // namespace

BulkPreviewModel::BulkPreviewModel(const Schema &schema, const Checker *checker, QObject *parent)
    : QAbstractTableModel(parent), m_schema(schema), m_checker(checker)
{
}

BulkPreviewModel::~BulkPreviewModel() = default;

void BulkPreviewModel::setPreview(BulkPreview preview)
{
    beginResetModel();
    m_preview = std::move(preview);
    m_rows.clear();
    m_ticked.clear();
    m_firstRow.clear();
    m_checked = 0;
    for (int d = 0; d < m_preview.documents.size(); ++d) {
        const BulkDocument &doc = m_preview.documents.at(d);
        m_firstRow.append(int(m_rows.size()));
        QList<bool> ticked(doc.hits.size());
        for (int h = 0; h < doc.hits.size(); ++h) {
            m_rows.append({d, h});
            ticked[h] = doc.hits.at(h).applies();
            m_checked += ticked[h];
        }
        m_ticked.append(ticked);
    }
    endResetModel();
    Q_EMIT checkedCountChanged(m_checked);
}

void BulkPreviewModel::clear()
{
    setPreview({});
}

BulkSelection BulkPreviewModel::selection() const
{
    BulkSelection selection;
    for (int d = 0; d < m_preview.documents.size(); ++d) {
        const BulkDocument &doc = m_preview.documents.at(d);
        for (int h = 0; h < doc.hits.size(); ++h) {
            if (doc.hits.at(h).applies() && !m_ticked.at(d).at(h)) {
                selection.insert(doc.id, m_ticked.at(d));
                break;
            }
        }
    }
    return selection;
}

int BulkPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BulkPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BulkPreviewModel::context(const BulkDocument &doc, const BulkHit &hit) const
{
    // Whole characters: a cut inside a surrogate pair would show a broken one.
    qsizetype from = std::max<qsizetype>(0, hit.start - ContextLength);
    if (from > 0 && doc.text.at(from).isLowSurrogate()) {
        --from;
    }
    qsizetype to = std::min(doc.text.size(), hit.end + ContextLength);
    if (to < doc.text.size() && doc.text.at(to).isLowSurrogate()) {
        ++to;
    }
    return oneLine((from > 0 ? QStringLiteral("…") : QString()) + doc.text.mid(from, hit.start - from) + u'[' +
                   doc.text.mid(hit.start, hit.end - hit.start) + u']' + doc.text.mid(hit.end, to - hit.end) +
                   (to < doc.text.size() ? QStringLiteral("…") : QString()));
}

QString BulkPreviewModel::findings(int document) const
{
    const BulkDocument &doc = m_preview.documents.at(document);
    if (!doc.findingsBefore || !doc.findingsAfter) {
        return {};
    }
    return counts(*doc.findingsBefore) + QStringLiteral(" → ") + counts(*doc.findingsAfter);
}

QVariant BulkPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row &row = m_rows.at(index.row());
    const BulkDocument &doc = m_preview.documents.at(row.document);
    const BulkHit &hit = doc.hits.at(row.hit);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case DocumentColumn:
            return QStringLiteral("%1:%2-%3").arg(doc.id).arg(hit.codePointStart).arg(hit.codePointEnd);
        case ContextColumn:
            if (m_preview.request.action == BulkRequest::Fix) {
                return hit.applies() ? oneLine(hit.description) + QStringLiteral("\n− ") + hit.taggedBefore +
                                           QStringLiteral("\n+ ") + hit.taggedAfter
                                     : oneLine(hit.description);
            }
            return context(doc, hit);
        case StateColumn:
            return BulkEdit::describe(m_preview.request, hit);
        case FindingsColumn:
            return findings(row.document);
        default:
            return {};
        }
    case Qt::CheckStateRole:
        if (index.column() == DocumentColumn && hit.applies()) {
            return m_ticked.at(row.document).at(row.hit) ? Qt::Checked : Qt::Unchecked;
        }
        return {};
    case StateRole:
        return int(hit.state);
    case DocumentIdRole:
        return doc.id;
    case StartRole:
        return qlonglong(hit.codePointStart);
    default:
        return {};
    }
}

bool BulkPreviewModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || !checkIndex(index) || index.column() != DocumentColumn) {
        return false;
    }
    const Row &row = m_rows.at(index.row());
    if (!m_preview.documents.at(row.document).hits.at(row.hit).applies()) {
        return false;
    }
    const bool ticked = value.value<Qt::CheckState>() == Qt::Checked;
    bool &current = m_ticked[row.document][row.hit];
    if (current == ticked) {
        return true;
    }
    current = ticked;
    m_checked += ticked ? 1 : -1;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    recount(row.document);
    Q_EMIT checkedCountChanged(m_checked);
    return true;
}

void BulkPreviewModel::recount(int document)
{
    BulkDocument &doc = m_preview.documents[document];
    if (m_checker == nullptr || !doc.findingsAfter) {
        return;
    }
    const Document before = Document::parse(doc.before, m_schema);
    doc.findingsAfter = BulkDocument::Counts{};
    for (const Finding &finding :
         m_checker->check(BulkEdit::apply(before, m_preview.request, doc.hits, m_ticked.at(document), m_schema))
             .findings) {
        if (finding.severity == Severity::Error) {
            ++doc.findingsAfter->errors;
        } else if (finding.severity == Severity::Warning) {
            ++doc.findingsAfter->warnings;
        }
    }
    const int first = m_firstRow.at(document);
    const int last = first + int(doc.hits.size()) - 1;
    Q_EMIT dataChanged(index(first, FindingsColumn), index(last, FindingsColumn), {Qt::DisplayRole, Qt::EditRole});
}

QVariant BulkPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case DocumentColumn:
        return tr("Document");
    case ContextColumn:
        return m_preview.request.action == BulkRequest::Fix ? tr("Change") : tr("Context");
    case StateColumn:
        return tr("State");
    case FindingsColumn:
        return tr("Document's findings");
    default:
        return {};
    }
}

Qt::ItemFlags BulkPreviewModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index)) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    const Row &row = m_rows.at(index.row());
    if (index.column() == DocumentColumn && m_preview.documents.at(row.document).hits.at(row.hit).applies()) {
        flags |= Qt::ItemIsUserCheckable;
    }
    return flags;
}

} // namespace annorev
