#include "batchstore.h"
#include "commands.h"
#include "console.h"
#include "interruptguard.h"
#include "reviewstore.h"
#include "textquery.h"

#include <QCommandLineParser>

namespace annorev {

int runSearch(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Print the ids of a batch's documents whose plain text (tags left out, the reviewer's "
                       "version) holds TEXT, in the batch's order: what the window's search box lists. ASCII "
                       "letters match either case. TEXT begins at the start of a word unless --inside-words is "
                       "given; a word search is answered from the store's word index, and every document it "
                       "names is checked against its text.\n\n"
                       "Exit status: 0 some document matched, 1 none did, 2 bad usage or a store that cannot be "
                       "read, 130 interrupted (Ctrl+C)."));
    parser.addHelpOption();
    const QCommandLineOption insideOption(QStringLiteral("inside-words"),
                                          QStringLiteral("Find TEXT inside words too (reads every text)."));
    const QCommandLineOption storeOption = BatchStore::storeOption();
    const QCommandLineOption reviewerOption = BatchStore::reviewerOption();
    parser.addOptions({insideOption, storeOption, reviewerOption});
    parser.addPositionalArgument(QStringLiteral("BATCH"),
                                 QStringLiteral("A file, folder or JSON Lines file, or a team batch's address."));
    parser.addPositionalArgument(QStringLiteral("TEXT"), QStringLiteral("What to look for."));
    if (const auto done = parseArguments(parser, arguments)) {
        return *done;
    }
    if (parser.positionalArguments().size() != 2 || parser.positionalArguments().at(1).isEmpty()) {
        Console::error(QStringLiteral("give a batch and the text to search for"));
        return ExitUsage;
    }
    const QString needle = parser.positionalArguments().at(1);
    const std::unique_ptr<ReviewStore> store = BatchStore::open(parser, BatchStore::Ids::AtMostOne);
    if (!store) {
        return BatchStore::failureStatus();
    }
    const InterruptGuard interrupt;
    const Expected<QStringList> ids =
        store->search(needle, parser.isSet(insideOption) ? TextMatch::Anywhere : TextMatch::WordStart,
                      [] { return InterruptGuard::interrupted(); });
    if (!ids) {
        Console::error(ids.error().message);
        return InterruptGuard::interrupted() ? ExitCancelled : ExitUsage;
    }
    QByteArray out;
    for (const QString &id : *ids) {
        out += Console::escaped(id) + '\n'; // one id a line, whatever it holds
    }
    Console::out(out);
    Console::flush();
    return ids->isEmpty() ? 1 : ExitOk;
}

} // namespace annorev
