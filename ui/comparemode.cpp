#include "comparemode.h"

#include "comparepanel.h"
#include "reviewpane.h"
#include "reviewsession.h"
#include "sourceview.h"

#include <QDockWidget>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace annorev {

CompareMode::CompareMode(const Schema &schema, ReviewPane *review, QMainWindow *window)
    : QObject(window), m_review(review)
{
    m_panel = new ComparePanel(schema, window);
    m_panel->setObjectName(u"comparePanel"_s);
    m_dock = new QDockWidget(tr("Compare"), window);
    m_dock->setObjectName(u"compareDock"_s);
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_panel, &ComparePanel::applyRequested, this, [this](const QList<SpanEdit> &edits, const QString &what) {
        const Expected<void> taken = m_session ? m_session->apply(edits, what) : Expected<void>(Error{});
        if (!taken) {
            Q_EMIT errorOccurred(tr("Not taken: %1").arg(taken.error().message));
        }
    });
    connect(m_panel, &ComparePanel::rangesToMark, this, [this](const QList<ComparePanel::MarkedRange> &ranges) {
        QList<std::pair<std::pair<qsizetype, qsizetype>, QColor>> marks;
        for (const auto &[start, end, kind] : ranges) {
            marks.append({{start, end}, ComparePanel::markColour(kind)});
        }
        m_review->sourceView()->setComparisonMarks(marks);
    });
    // B arrives from a worker: compare the document shown now, not the one shown when it was asked for.
    connect(m_panel, &ComparePanel::batchRead, this, [this, window](bool opened) {
        if (opened && m_session && !m_review->shownId().isEmpty()) {
            m_panel->setDocument(m_review->shownId(), m_session->document());
        }
        // Adjudicating lists who chose each span beside its outcome, label and text: room for it.
        const int wanted = m_panel->fontMetrics().averageCharWidth() * 90;
        if (opened && m_panel->isAdjudicating() && m_dock->width() < wanted) {
            window->resizeDocks({m_dock}, {wanted}, Qt::Horizontal);
        }
    });
    connect(m_panel, &ComparePanel::rangeActivated, this,
            [this](qsizetype start, qsizetype end) { m_review->sourceView()->selectRange(start, end); });
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && !m_dock->isVisible()) {
            m_review->sourceView()->setComparisonMarks({});
        }
    });
}

CompareMode::~CompareMode()
{
    // The dock hides as QWidget's destructor deletes it, after this one has run: its visibility
    // handler must not reach into what is gone by then.
    disconnect(m_dock, nullptr, this, nullptr);
}

void CompareMode::documentShown()
{
    if (m_session && m_panel->hasBatch()) {
        m_panel->setDocument(m_session->documentId(), m_session->document());
    }
}

void CompareMode::chooseBatch()
{
    m_dock->show();
    m_panel->chooseBatch();
}

void CompareMode::chooseAnotherBatch()
{
    m_dock->show();
    m_panel->chooseAnotherBatch();
}

} // namespace annorev
