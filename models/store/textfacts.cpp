#include "textfacts.h"

#include "checker.h"
#include "document.h"
#include "schema.h"

namespace annorev {

TextFacts TextFacts::of(const Document &doc, const CheckResult &result)
{
    // Empty, not null: a null QString is bound as NULL.
    return {DocumentFacts::of(doc, result), doc.text().isNull() ? QStringLiteral("") : doc.text(),
            SuggestionDisagreement::keysOf(doc)};
}

TextFacts TextFacts::of(const QByteArray &taggedText, const Schema &schema, const Checker &checker)
{
    const Document doc = Document::parse(taggedText, schema);
    return of(doc, checker.check(doc));
}

} // namespace annorev
