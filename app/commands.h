#pragma once

#include <QStringList>

#include <optional>

class QCommandLineOption;
class QCommandLineParser;

namespace annorev {

class Schema;

// Exit statuses every subcommand shares.
// ExitCancelled is 128 + SIGINT, what a shell reports for a command Ctrl+C ended.
enum ExitStatus { ExitOk = 0, ExitFindings = 1, ExitUsage = 2, ExitCancelled = 130 };

// Parses a subcommand's arguments. Returns the exit status when there is nothing more to do
// (an error was printed, or --help was), nothing when the command should run.
std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments);
// The option's value when it is one of the allowed ones; otherwise prints
// "--NAME is a or b, not "X"" and returns nothing.
std::optional<QString> oneOf(const QCommandLineParser &parser, const QCommandLineOption &option,
                             const QStringList &allowed);
// The schema the option (--schema FILE) names, else the built-in one. Prints the error and
// returns nothing when the file cannot be read.
std::optional<Schema> schemaFrom(const QCommandLineParser &parser, const QCommandLineOption &option);

// The thread count --jobs N asks for; 0 (the default) means every core. More threads than cores
// gain nothing and each costs a stack and a wakeup pipe (--jobs 100000 ran out of descriptors), so
// a larger N is cut to the cores with a note on standard error. Prints the error and returns nothing
// when N is not a whole number.
std::optional<int> jobsFrom(const QCommandLineParser &parser, const QCommandLineOption &option);

// Each runs one headless subcommand; arguments start with the subcommand's name.
int runCheck(const QStringList &arguments);
int runRules(const QStringList &arguments);
int runMark(const QStringList &arguments);
int runTag(const QStringList &arguments);
int runUntag(const QStringList &arguments);
int runRelabel(const QStringList &arguments);
int runFix(const QStringList &arguments);
int runSuggest(const QStringList &arguments);
int runStatus(const QStringList &arguments);
int runLog(const QStringList &arguments);
int runExport(const QStringList &arguments);
int runSample(const QStringList &arguments);
int runSpotcheck(const QStringList &arguments);
int runStats(const QStringList &arguments);
int runSearch(const QStringList &arguments);
int runCompare(const QStringList &arguments);
int runAdjudicate(const QStringList &arguments);
int runTeam(const QStringList &arguments);
int runImport(const QStringList &arguments);
int runClaim(const QStringList &arguments);
int runRelease(const QStringList &arguments);

} // namespace annorev
