#include "htmlform.h"

#include "seededrandom.h"

namespace annorev::bench {

QByteArray toHtml(SeededRandom &rng, const QList<QByteArray> &lines)
{
    const bool namedDashes = rng.chance(0.5);
    const bool namedAccents = rng.chance(0.3);
    const QByteArray separator = rng.chance(0.6) ? QByteArray() : QByteArray("\n");
    QByteArray html;
    for (QByteArray paragraph : lines) {
        if (paragraph.isEmpty()) {
            continue;
        }
        paragraph.replace("&", "&amp;").replace(" < ", " &lt; ");
        if (namedDashes) {
            paragraph.replace("—", "&mdash;");
        }
        if (namedAccents) {
            paragraph.replace("é", "&eacute;");
        }
        if (!html.isEmpty()) {
            html += separator;
        }
        html += "<p>" + paragraph + "</p>";
    }
    return html;
}

} // namespace annorev::bench
