#pragma once

#include <QString>

namespace annorev::ReviewerName {

// Who is making a change: the explicit name (--reviewer), else the saved setting (QSettings
// organisation "annorev", application "annorev", key "reviewer"), else the OS user name (USER,
// USERNAME, LOGNAME, else the account's name in the password database), else "unknown". Names
// are trimmed; an empty one counts as not given.
QString resolve(const QString &explicitName = {});

// Remembers a name as the saved setting (the window's "reviewer" field uses it).
void save(const QString &name);

} // namespace annorev::ReviewerName
