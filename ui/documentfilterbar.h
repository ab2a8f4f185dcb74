#pragma once

#include "textquery.h"

#include <QFutureWatcher>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLineEdit;
class QTimer;
class QToolButton;

namespace annorev {

class DocumentFilterProxyModel;
class Schema;

// The controls above the document list: a search box (ids at once, plain texts through the
// store, debounced and off the GUI thread) and filters by status, label, rule and findings.
// Texts are searched from the start of a word, through the store's word index; "Inside Words"
// (remembered) finds parts of words too, reading every text, and a search that is overtaken by
// another is cancelled.
class DocumentFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentFilterBar)

public:
    static constexpr int SearchDelayMs = 300;

    // The documents whose plain text holds a needle: by id, or by key (DocumentIndexRow::key,
    // ascending) from a store that gives keys.
    struct TextHits
    {
        QStringList ids;
        QList<qint64> keys;
    };
    // Finds the documents whose plain text holds a needle where match lets it begin; runs on a
    // worker thread, and may give up (nothing) once cancelled is set.
    using TextSearch = std::function<std::optional<TextHits>(const QString &needle, TextMatch match,
                                                             const std::atomic_bool &cancelled)>;

    DocumentFilterBar(const Schema &schema, DocumentFilterProxyModel *proxy, QWidget *parent = nullptr);
    ~DocumentFilterBar() override;

    void setTextSearch(TextSearch search);
    // Back to every document; the search box is emptied.
    void reset();
    QLineEdit *searchEdit() const { return m_search; }
    QToolButton *insideWordsButton() const { return m_insideWords; }
    // The search is waiting for its delay or for the store.
    bool isSearching() const;
    // Asks the store again for the text searched, if any: the documents it holds changed.
    void searchAgain();

Q_SIGNALS:
    // The rows shown changed because a filter or the search did.
    void filterChanged();

private:
    void applyCombos();
    void startSearch();
    // Asks the search on the worker, if any, to stop.
    void cancelRunningSearch();

    DocumentFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_insideWords = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_findings = nullptr;
    QTimer *m_searchTimer = nullptr;
    TextSearch m_textSearch;
    QFutureWatcher<std::optional<TextHits>> m_watcher;
    QString m_pendingNeedle; // the needle of the search running on the worker
    TextMatch m_pendingMatch = TextMatch::WordStart;
    std::shared_ptr<std::atomic_bool> m_cancelRunning; // set to stop the search on the worker
    bool m_searching = false;
};

} // namespace annorev
