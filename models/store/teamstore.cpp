#include "teamstore.h"

#include "postgres/postgresconnection.h"
#include "postgres/postgresschema.h"
#include "postgres/teamaddress.h"

namespace annorev {

Expected<QString> TeamStore::initDatabase(const QString &location)
{
    const Expected<TeamAddress> address = TeamAddress::parse(location, false);
    if (!address) {
        return address.error();
    }
    Expected<std::unique_ptr<PostgresConnection>> connection = PostgresConnection::open(*address);
    if (!connection) {
        return connection.error();
    }
    return PostgresSchema::init(**connection);
}

QString roleName(TeamRole role)
{
    switch (role) {
    case TeamRole::Annotator:
        return QStringLiteral("annorev_annotator");
    case TeamRole::Reviewer:
        return QStringLiteral("annorev_reviewer");
    case TeamRole::Curator:
        return QStringLiteral("annorev_curator");
    }
    return {};
}

} // namespace annorev
