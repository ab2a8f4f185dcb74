#pragma once

// The store's test batch with a ReviewSession on it, for the session's tests. A test class derives
// from it besides QObject, calls setUpBatch() in init() and tearDownSession() in cleanup(), and
// setUpSession() in each test, after changing the batch if it needs to.

#include "checker.h"
#include "reviewsession.h"
#include "storetestbatch.h"

#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <memory>

namespace annorev::test {

inline const QString fifth = QStringLiteral("004_777d6b4e246e2bc8.txt");

inline qsizetype countFindings(const CheckResult &result, QStringView rule)
{
    return std::count_if(result.findings.cbegin(), result.findings.cend(),
                         [rule](const Finding &finding) { return finding.rule == rule; });
}

inline qsizetype findingIndex(const CheckResult &result, QStringView rule)
{
    for (qsizetype i = 0; i < result.findings.size(); ++i) {
        if (result.findings.at(i).rule == rule) {
            return i;
        }
    }
    return -1;
}

// What a check found, comparable: the result for a text is the same wherever it was computed.
inline QStringList describe(const CheckResult &result)
{
    QStringList lines;
    for (const Finding &finding : result.findings) {
        lines.append(finding.rule % u' ' % QString::number(finding.start) % u'-' % QString::number(finding.end) % u' ' %
                     finding.message);
    }
    return lines;
}

inline qsizetype spanWithLabel(const Document &doc, QStringView label)
{
    for (qsizetype i = 0; i < doc.spans().size(); ++i) {
        if (doc.spans().at(i).label == label) {
            return i;
        }
    }
    return -1;
}

class SessionFixture : protected StoreTestBatch
{
protected:
    // Opens the store over the batch folder, synced, and a session on it as "tester".
    bool setUpSession()
    {
        m_store = syncedStore(m_batch, m_checker);
        if (!m_store) {
            return false;
        }
        m_session = std::make_unique<ReviewSession>(*m_store, Schema::builtin(), m_checker, QStringLiteral("tester"));
        return true;
    }
    // The session first: it writes its pending steps to the store when it goes.
    void tearDownSession()
    {
        m_session.reset();
        m_store.reset();
        tearDownBatch();
    }

    QString sourcePath(const QString &id) const { return m_batch + u'/' + id; }
    qsizetype editRows(const QString &id) const
    {
        const QList<ReviewStore::AuditEntry> log = *m_store->auditLog(id);
        return std::count_if(log.cbegin(), log.cend(),
                             [](const ReviewStore::AuditEntry &entry) { return entry.action == u"edit"; });
    }

    std::unique_ptr<ReviewStore> m_store;
    std::unique_ptr<ReviewSession> m_session;
};

} // namespace annorev::test
