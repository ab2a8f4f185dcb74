#include "spotcheckmode.h"

#include "documentlistpanel.h"
#include "spotcheckpanel.h"

#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>

using namespace Qt::StringLiterals;

namespace annorev {

SpotCheckMode::SpotCheckMode(const Schema &schema, const Checker &checker, DocumentListPanel *list, QMainWindow *window)
    : QObject(window), m_schema(schema), m_checker(checker), m_list(list)
{
    m_dock = new QDockWidget(tr("Spot Check"), window);
    m_dock->setObjectName(u"spotCheckDock"_s);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    auto *noBatch = new QLabel(tr("Open a batch to spot-check it."), m_dock);
    noBatch->setAlignment(Qt::AlignCenter);
    m_dock->setWidget(noBatch);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closing the panel leaves spot-check mode.
        if (!visible && m_panel && !m_panel->currentRound().isEmpty() && !m_dock->isVisible()) {
            m_panel->selectRound({});
        }
    });
}

SpotCheckMode::~SpotCheckMode()
{
    // The dock hides as QWidget's destructor deletes it, after this one has run: its visibility
    // handler must not reach into what is gone by then.
    disconnect(m_dock, nullptr, this, nullptr);
}

void SpotCheckMode::openStore(ReviewStore &store, const QString &reviewer)
{
    closeStore();
    m_panel = new SpotCheckPanel(store, m_schema, m_checker, reviewer, m_dock);
    m_panel->setObjectName(u"spotCheckPanel"_s);
    m_dock->setWidget(m_panel);
    connect(m_panel, &SpotCheckPanel::roundSelected, this, &SpotCheckMode::roundSelected);
    connect(m_panel, &SpotCheckPanel::advanceRequested, this, [this](const QString &next) {
        if (next.isEmpty()) {
            Q_EMIT message(tr("Every document of the round is judged."));
        } else {
            m_list->showDocument(next);
        }
        Q_EMIT stateChanged();
    });
    connect(m_panel, &SpotCheckPanel::judged, this, &SpotCheckMode::stateChanged);
    connect(m_panel, &SpotCheckPanel::judgementsChanged, this,
            [this] { m_list->setJudgements(m_panel->latestJudgements()); });
}

void SpotCheckMode::setWritable(bool writable)
{
    if (m_panel) {
        m_panel->setEnabled(writable);
    }
}

void SpotCheckMode::closeStore()
{
    delete m_panel;
    m_panel = nullptr;
}

void SpotCheckMode::setCurrentDocument(const QString &id)
{
    if (m_panel) {
        m_panel->setCurrentDocument(id);
    }
}

void SpotCheckMode::setReviewer(const QString &reviewer)
{
    if (m_panel) {
        m_panel->setReviewer(reviewer);
    }
}

bool SpotCheckMode::isJudging(const QString &id) const
{
    return m_panel && !m_panel->currentRound().isEmpty() && m_panel->roundIds().contains(id);
}

QString SpotCheckMode::currentRound() const
{
    return m_panel ? m_panel->currentRound() : QString();
}

double SpotCheckMode::target() const
{
    return m_panel ? m_panel->target() : SpotCheckPanel::defaultTarget;
}

void SpotCheckMode::pass()
{
    if (m_panel) {
        m_panel->pass();
    }
}

void SpotCheckMode::chooseFailReason()
{
    if (m_panel) {
        m_dock->show();
        m_panel->chooseFailReason();
    }
}

void SpotCheckMode::drawRound()
{
    if (m_panel) {
        m_dock->show();
        m_panel->openDrawRoundDialog();
    }
}

void SpotCheckMode::roundSelected(const QString &name, const QStringList &ids)
{
    m_list->showRound(name, ids);
    Q_EMIT stateChanged();
    if (!name.isEmpty()) {
        Q_EMIT message(tr("Spot check %1: %n document(s); P passes, F fails.", nullptr, int(ids.size())).arg(name));
    }
}

} // namespace annorev
