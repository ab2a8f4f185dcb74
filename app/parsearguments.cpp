#include "commands.h"
#include "console.h"
#include "schema.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>

namespace annorev {

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        Console::error(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the program by the path it was started with; the usage line names the command.
        QString help = parser.helpText();
        const QString usage = QStringLiteral("Usage: ") + QCoreApplication::arguments().constFirst();
        if (help.startsWith(usage)) {
            help.replace(7, usage.size() - 7, arguments.constFirst());
        }
        Console::out(help.toUtf8());
        return ExitOk;
    }
    return std::nullopt;
}

std::optional<QString> oneOf(const QCommandLineParser &parser, const QCommandLineOption &option,
                             const QStringList &allowed)
{
    const QString value = parser.value(option);
    if (allowed.contains(value)) {
        return value;
    }
    QStringList quoted = allowed;
    const QString last = quoted.takeLast();
    Console::error(QStringLiteral("--%1 is %2 or %3, not \"%4\"")
                       .arg(option.names().constLast(), quoted.join(QStringLiteral(", ")), last, value));
    return std::nullopt;
}

std::optional<Schema> schemaFrom(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option)) {
        return Schema::builtin();
    }
    Expected<Schema> schema = Schema::fromFile(parser.value(option));
    if (!schema) {
        Console::error(schema.error().message);
        return std::nullopt;
    }
    return std::move(schema).value();
}

std::optional<int> jobsFrom(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const int jobs = parser.value(option).toInt(&ok);
    if (!ok || jobs < 0) {
        Console::error(QStringLiteral("--jobs takes a whole number, not \"%1\"").arg(parser.value(option)));
        return std::nullopt;
    }
    const int cores = std::max(1, QThread::idealThreadCount());
    if (jobs > cores) {
        Console::err(QStringLiteral("annorev: note: --jobs %1 is more than the %2 cores: using %2\n")
                         .arg(jobs)
                         .arg(cores)
                         .toUtf8());
        return cores;
    }
    return jobs;
}

} // namespace annorev
