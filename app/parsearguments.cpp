#include "commands.h"
#include "console.h"

#include <QCommandLineParser>

namespace annorev {

std::optional<int> parseArguments(QCommandLineParser &parser, const QStringList &arguments)
{
    if (!parser.parse(arguments)) {
        Console::error(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        Console::out(parser.helpText().toUtf8());
        return ExitOk;
    }
    return std::nullopt;
}

} // namespace annorev
