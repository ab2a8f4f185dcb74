#include "commands.h"
#include "console.h"
#include "ruleset.h"

#include <QCommandLineParser>

namespace annorev {

int runRules(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List every finding rule: its severity, what it means, an "
                                                    "example that fires and the fix."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("RULE"), QStringLiteral("Show only these rules."),
                                 QStringLiteral("[RULE...]"));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    const QStringList wanted = parser.positionalArguments();
    for (const QString &id : wanted) {
        if (!RuleSet::builtin().find(id)) {
            Console::error(QStringLiteral("no rule is called \"%1\" (annorev rules lists them)").arg(id));
            return ExitUsage;
        }
    }
    QByteArray out;
    for (const auto &rule : RuleSet::builtin().rules()) {
        const RuleInfo &info = rule->info();
        if (!wanted.isEmpty() && !wanted.contains(info.id)) {
            continue;
        }
        if (!out.isEmpty()) {
            out += '\n';
        }
        out += QByteArray(info.id.data(), info.id.size()) + " (" + severityName(info.severity).toUtf8() + ")\n";
        out += "  " + info.summary.toUtf8() + '\n';
        out += "  Fires on: " + info.example.toUtf8() + '\n';
        out += "  Fix: " + info.fix.toUtf8() + '\n';
        out += info.fixable ? QByteArrayLiteral("  Fixed in bulk by: annorev fix --rule ") +
                                  QByteArray(info.id.data(), info.id.size()) + '\n'
                            : QByteArrayLiteral("  Fixed in bulk: no, each finding needs a reviewer's choice\n");
    }
    Console::out(out);
    return ExitOk;
}

} // namespace annorev
