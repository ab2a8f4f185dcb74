#include "span.h"

namespace annorev {

QString Span::attribute(QStringView name) const
{
    for (const TagAttribute &attribute : attributes) {
        if (attribute.name.compare(name, Qt::CaseInsensitive) == 0) {
            return attribute.value;
        }
    }
    return {};
}

int Span::recordAttribute() const
{
    // Most spans have no attributes: an empty string need not be trimmed and parsed as a number.
    if (attributes.isEmpty()) {
        return 0;
    }
    bool ok = false;
    const int value = attribute(u"record").trimmed().toInt(&ok);
    return ok && value > 0 ? value : 0;
}

} // namespace annorev
