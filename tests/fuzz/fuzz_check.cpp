// The whole check of one tagged document: every finding lies inside the plain text and names
// spans that exist, its tag offset lies inside the source, and each edit of a suggested fix lies
// inside the text.
#include "checker.h"
#include "countryaliases.h"
#include "fuzzsupport.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>

using namespace annorev;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const Schema &schema = Schema::builtin();
    const Document doc = Document::parse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), schema);
    // A fixed year, so that a crasher replays the same way next year.
    static const Checker checker(schema, CountryAliases::builtin(), 2026);
    const CheckResult result = checker.check(doc);
    const qsizetype textSize = doc.text().size();
    for (const Finding &finding : result.findings) {
        fuzz::require(0 <= finding.start && finding.start <= finding.end && finding.end <= textSize,
                      "a finding lies inside the plain text");
        fuzz::require(!finding.rule.isEmpty() && !finding.message.isEmpty(), "a finding names its rule and says why");
        for (qsizetype span : finding.spans) {
            fuzz::require(0 <= span && span < doc.spans().size(), "a finding names spans that exist");
        }
        fuzz::require(finding.sourceOffset == -1 || (0 <= finding.sourceOffset && finding.sourceOffset < doc.source().size()),
                      "a finding's tag lies inside the source");
        if (finding.fix) {
            for (const SpanEdit &edit : finding.fix->edits) {
                fuzz::require(0 <= edit.start && edit.start <= edit.end && edit.end <= textSize,
                              "a fix edits inside the plain text");
            }
        }
    }
    return 0;
}
