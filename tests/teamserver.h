#pragma once

// The PostgreSQL server the team tests run against: the cluster tests/team/pgcluster.sh starts
// for the test run (a CTest fixture), reached through the Unix socket in its directory, whose
// path comes in ANNOREV_TEST_PG_DIR. Each test program makes a database of its own and login
// roles of its own (roles belong to the whole cluster), so that programs running at once do not
// meet.

#include "expectedsupport.h"
#include "teamstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QTest>

namespace annorev::test {

class TeamServer
{
public:
    // prefix names this program's database and roles: "ts" gives database ts_db and the roles
    // ts_alice (annotator), ts_bob (reviewer), ts_carol (curator) and ts_dave (no role).
    explicit TeamServer(const QString &prefix) : m_prefix(prefix) {}
    ~TeamServer() { QSqlDatabase::removeDatabase(adminConnection()); }
    Q_DISABLE_COPY_MOVE(TeamServer)

    static QString directory() { return qEnvironmentVariable("ANNOREV_TEST_PG_DIR"); }

    QString database() const { return m_prefix + QStringLiteral("_db"); }
    QString user(const QString &name) const { return m_prefix + u'_' + name; }

    // The address of a team batch (or of the database, without batch) as user.
    QString address(const QString &user, const QString &batch = QString()) const
    {
        QString text = u"postgresql:///" + database() + u"?host=" + directory() + u"&user=" + user;
        if (!batch.isEmpty()) {
            text += u"&batch=" + batch;
        }
        return text;
    }
    QString superuserAddress(const QString &batch = QString()) const
    {
        return address(QStringLiteral("postgres"), batch);
    }

    // Makes the database afresh, runs `team init` on it, and makes the roles. False (with a
    // warning) when the server is not there.
    bool setUp()
    {
        if (directory().isEmpty()) {
            qWarning("ANNOREV_TEST_PG_DIR is not set: the team tests run under ctest, which starts the server");
            return false;
        }
        if (!run(QStringLiteral("postgres"), u"DROP DATABASE IF EXISTS " + database() + u" WITH (FORCE)") ||
            !run(QStringLiteral("postgres"), u"CREATE DATABASE " + database())) {
            return false;
        }
        const Expected<QString> init = TeamStore::initDatabase(superuserAddress());
        if (!init) {
            qWarning("team init failed: %s", qPrintable(init.error().message));
            return false;
        }
        const QStringList roles{QStringLiteral("annorev_annotator"), QStringLiteral("annorev_reviewer"),
                                QStringLiteral("annorev_curator"), QString()};
        const QStringList names{QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
                                QStringLiteral("dave")};
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QString role = user(names[i]);
            QString sql = u"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role +
                          u"') THEN CREATE ROLE " + role +
                          u" LOGIN; END IF; END $$; SET client_min_messages = warning;";
            if (!roles[i].isEmpty()) {
                sql += u"GRANT " + roles[i] + u" TO " + role + u';';
            }
            if (!run(database(), sql)) {
                return false;
            }
        }
        return true;
    }

    // Runs SQL as the superuser on a database (the cluster's "postgres" or this program's).
    bool run(const QString &db, const QString &sql) const
    {
        QString error;
        const bool ok = runAs(QStringLiteral("postgres"), db, sql, &error);
        if (!ok) {
            qWarning("%s: %s", qPrintable(sql.left(200)), qPrintable(error));
        }
        return ok;
    }

    // Runs SQL on this program's database as user; false with the server's message in error
    // when it is refused.
    bool runAs(const QString &user, const QString &db, const QString &sql, QString *error = nullptr) const
    {
        bool ok = false;
        {
            QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), adminConnection());
            connection.setHostName(directory());
            connection.setUserName(user);
            connection.setDatabaseName(db);
            if (connection.open()) {
                QSqlQuery query(connection);
                ok = query.exec(sql);
                if (!ok && error) {
                    *error = query.lastError().databaseText();
                }
            } else if (error) {
                *error = connection.lastError().text();
            }
            connection.close();
        }
        QSqlDatabase::removeDatabase(adminConnection());
        return ok;
    }

    // Stops and starts the server again, as a restart under a stream of writes does.
    static bool restart() { return cluster(QStringLiteral("restart")); }
    // Stops the server, keeping its data, and starts it again: a server away for a while.
    static bool pause() { return cluster(QStringLiteral("pause")); }
    static bool resume() { return cluster(QStringLiteral("resume")); }

private:
    static bool cluster(const QString &action)
    {
        QProcess process;
        process.start(QStringLiteral("bash"), {QStringLiteral(ANNOREV_PGCLUSTER_SCRIPT), action, directory()});
        return process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit &&
               process.exitCode() == 0;
    }
    static QString adminConnection() { return QStringLiteral("annorev-test-admin"); }
    QString m_prefix;
};

} // namespace annorev::test
