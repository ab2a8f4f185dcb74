#include "viewpositions.h"

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
    // Each CRLF whose '\n' is before textPos takes one position away.
    const auto dropped = std::lower_bound(m_crlf.cbegin(), m_crlf.cend(), textPos - 1) - m_crlf.cbegin();
    return textPos - dropped;
}

qsizetype ViewPositions::toText(qsizetype viewPos) const
{
    // The k-th CRLF is at view position m_crlf[k] - k; each one before viewPos adds its '\n' back.
    qsizetype low = 0;
    qsizetype high = m_crlf.size();
    while (low < high) {
        const qsizetype mid = (low + high) / 2;
        if (m_crlf.at(mid) - mid < viewPos) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    return viewPos + low;
}

} // namespace annorev
