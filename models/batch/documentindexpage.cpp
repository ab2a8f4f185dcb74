#include "documentindexpage.h"

#include "documentfacts.h"

namespace annorev {

namespace {

// Distinct facts texts kept for reuse; a million documents have far fewer.
constexpr qsizetype decodedBound = 200'000;

qint32 clamped(qsizetype count)
{
    return qint32(std::min<qsizetype>(count, std::numeric_limits<qint32>::max()));
}

} // namespace

Expected<void> DocumentIndexPageBuilder::add(QByteArrayView id, ReviewStatus status, QByteArrayView facts,
                                             qint32 disagreement, quint32 key)
{
    // A view of the bytes for the lookup; a copy only when the text is new.
    const QByteArray factsKey = QByteArray::fromRawData(facts.data(), facts.size());
    auto found = m_decoded.constFind(factsKey);
    if (found == m_decoded.cend()) {
        const std::optional<DocumentFacts> decoded = DocumentFacts::decoded(QString::fromUtf8(facts));
        if (!decoded) {
            return Error{u"the facts of the document \"" + QString::fromUtf8(id) + u"\" cannot be read"};
        }
        if (m_page.newLabelSets.isEmpty()) {
            m_page.firstNewLabelSet = m_labelSets.size();
        }
        if (m_page.newRuleSets.isEmpty()) {
            m_page.firstNewRuleSet = m_ruleSets.size();
        }
        DocumentIndexRow row;
        row.errors = clamped(decoded->errors());
        row.warnings = clamped(decoded->warnings());
        row.infos = clamped(decoded->infos());
        row.labelSet = m_labelSets.numberOf(decoded->labelNames(), &m_page.newLabelSets);
        row.ruleSet = m_ruleSets.numberOf(decoded->ruleNames(), &m_page.newRuleSets);
        if (m_decoded.size() >= decodedBound) {
            m_decoded.clear();
        }
        found = m_decoded.insert(QByteArray(facts.data(), facts.size()), row);
    }
    DocumentIndexRow row = *found;
    row.status = status;
    row.disagreement = disagreement;
    row.key = key;
    m_page.rows.push_back(row);
    m_page.ids.append(id.data(), id.size());
    m_page.idEnds.push_back(quint32(m_page.ids.size()));
    return {};
}

DocumentIndexPage DocumentIndexPageBuilder::take(qint64 lastPosition)
{
    DocumentIndexPage page = std::exchange(m_page, {});
    if (page.newLabelSets.isEmpty()) {
        page.firstNewLabelSet = m_labelSets.size();
    }
    if (page.newRuleSets.isEmpty()) {
        page.firstNewRuleSet = m_ruleSets.size();
    }
    page.startsRead = !std::exchange(m_taken, true);
    page.lastPosition = lastPosition;
    page.lastId = page.isEmpty() ? QString() : QString::fromUtf8(page.id(page.size() - 1));
    return page;
}

} // namespace annorev
