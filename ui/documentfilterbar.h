#pragma once

#include <QFutureWatcher>
#include <QSet>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <optional>

class QComboBox;
class QLineEdit;
class QTimer;

namespace annorev {

class DocumentFilterProxyModel;
class Schema;

// The controls above the document list: a search box (ids at once, plain texts through the
// store, debounced and off the GUI thread) and filters by status, label, rule and findings.
class DocumentFilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentFilterBar)

public:
    static constexpr int SearchDelayMs = 300;

    // Finds the ids whose plain text contains a needle; runs on a worker thread.
    using TextSearch = std::function<std::optional<QStringList>(const QString &needle)>;

    DocumentFilterBar(const Schema &schema, DocumentFilterProxyModel *proxy, QWidget *parent = nullptr);
    ~DocumentFilterBar() override;

    void setTextSearch(TextSearch search);
    // Back to every document; the search box is emptied.
    void reset();
    QLineEdit *searchEdit() const { return m_search; }
    // The search is waiting for its delay or for the store.
    bool isSearching() const;

Q_SIGNALS:
    // The rows shown changed because a filter or the search did.
    void filterChanged();

private:
    void applyCombos();
    void startSearch();

    DocumentFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_status = nullptr;
    QComboBox *m_label = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_findings = nullptr;
    QTimer *m_searchTimer = nullptr;
    TextSearch m_textSearch;
    QFutureWatcher<std::optional<QStringList>> m_watcher;
    QString m_pendingNeedle; // the needle of the search running on the worker
    bool m_searching = false;
};

} // namespace annorev
