#include "viewpositions.h"

#include "pairedunits.h"

#include <algorithm>

namespace annorev {

ViewPositions::ViewPositions(const QString &text)
{
    for (qsizetype i = text.indexOf(u"\r\n"); i >= 0; i = text.indexOf(u"\r\n", i + 2)) {
        m_crlf.append(i);
    }
    if (m_crlf.isEmpty()) {
        m_view = text;
        return;
    }
    m_view.reserve(text.size() - m_crlf.size());
    qsizetype from = 0;
    for (qsizetype cr : std::as_const(m_crlf)) {
        m_view.append(QStringView(text).sliced(from, cr - from));
        m_view.append(QChar(QChar::ParagraphSeparator));
        from = cr + 2;
    }
    m_view.append(QStringView(text).sliced(from));
}

qsizetype ViewPositions::toView(qsizetype textPos) const
{
    return PairedUnits::toShort(m_crlf, textPos);
}

qsizetype ViewPositions::toText(qsizetype viewPos) const
{
    return PairedUnits::toLong(m_crlf, viewPos);
}

} // namespace annorev
