#include "commands.h"
#include "console.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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

} // namespace annorev
