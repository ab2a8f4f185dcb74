#pragma once

#include <QStringList>

namespace annorev {

// Exit statuses every subcommand shares.
enum ExitStatus { ExitOk = 0, ExitFindings = 1, ExitUsage = 2 };

// Each runs one headless subcommand; arguments start with the subcommand's name.
int runCheck(const QStringList &arguments);
int runRules(const QStringList &arguments);

} // namespace annorev
