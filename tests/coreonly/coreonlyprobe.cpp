// A program that uses the format and the rules and nothing else: it links annorev_core, which
// links QtCore alone (tests/CMakeLists.txt checks the executable needs no other Qt library).
// It parses a tagged sentence, checks it and prints its spans and findings.

#include "checker.h"
#include "countryaliases.h"
#include "document.h"
#include "schema.h"
#include "taggedtextparser.h"

#include <QTextStream>

using namespace annorev;

int main()
{
    const Schema &schema = Schema::builtin();
    const TaggedTextParser parser(schema);
    const Document doc =
        parser.parse(QByteArrayLiteral("<model>Lumen-7B</model> was trained on 512 <hardware>A100 GPUs</hardware>."));
    const Checker checker(schema, CountryAliases::builtin(), 2026);
    const CheckResult result = checker.check(doc);

    QTextStream out(stdout);
    for (const Span &span : doc.spans()) {
        out << span.label << ' ' << doc.text().mid(span.start, span.end - span.start) << '\n';
    }
    for (const Finding &finding : result.findings) {
        out << finding.rule << '\n';
    }
    return doc.spans().size() == 2 && !result.findings.isEmpty() ? 0 : 1;
}
