#include "inputlimits.h"

#include "schema.h"
#include "tagscanner.h"

#include <QLocale>
#include <QVarLengthArray>
#include <QtAlgorithms>

#include <algorithm>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annorev {

namespace InputLimits {

namespace {

int lineAt(const QByteArray &source, qsizetype offset)
{
    return int(std::count(source.cbegin(), source.cbegin() + offset, '\n')) + 1;
}

// Whether the name of the tag at p (just after its '<', or its '/') is longer than the limit.
bool nameTooLong(const char *name, const char *end)
{
    const char *const limit = end - name > tagNameBytes ? name + tagNameBytes + 1 : end;
    const char *nameEnd = name;
    while (nameEnd < limit && markup::isNameChar(*nameEnd)) {
        ++nameEnd;
    }
    return nameEnd - name > tagNameBytes;
}

// Whether the tag limits cannot be passed, seen without reading tags: most documents hold fewer
// '<' than the nesting limit, so neither their depth nor their count of label tags can pass it,
// and only a name long enough after a '<' needs a look. The scan of every tag costs a third of a
// parse; this looks at sixteen bytes at a time for the '<' (a memchr call for each took 4% of
// `check`).
bool withinLimitsAtAGlance(const QByteArray &source)
{
    const char *const begin = source.constBegin();
    const char *const end = source.constEnd();
    int lessThans = 0;
    const auto tagAt = [&](const char *p) {
        if (++lessThans > nestingDepth) {
            return false;
        }
        return !nameTooLong(p + 1 < end && p[1] == '/' ? p + 2 : p + 1, end);
    };
    const char *p = begin;
#if defined(__SSE2__)
    const __m128i lessThan = _mm_set1_epi8('<');
    for (; end - p >= 16; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        for (auto mask = uint(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, lessThan))); mask != 0; mask &= mask - 1) {
            if (!tagAt(p + qCountTrailingZeroBits(mask))) {
                return false;
            }
        }
    }
#endif
    for (; p < end; ++p) {
        if (*p == '<' && !tagAt(p)) {
            return false;
        }
    }
    return true;
}

} // namespace

std::optional<Breach> measureSize(qint64 bytes)
{
    if (bytes <= documentBytes) {
        return std::nullopt;
    }
    return Breach{0, pastLimit(QLatin1StringView("document"), bytes, documentBytes) %
                         u"; split it into smaller documents"};
}

std::optional<Breach> measure(const QByteArray &source, const Schema &schema)
{
    if (std::optional<Breach> tooLarge = measureSize(source.size())) {
        return tooLarge;
    }
    if (withinLimitsAtAGlance(source)) {
        return std::nullopt;
    }
    const QList<QByteArray> &labels = schema.labelBytes();
    TagCounter counter(labels.size());
    markup::TagScanner scanner(source, labels);
    markup::Tag tag;
    qsizetype pos = 0;
    while (scanner.next(pos, &tag)) {
        pos = tag.end;
        if (std::optional<Breach> breach = counter.add(source, tag)) {
            return breach;
        }
    }
    return std::nullopt;
}

std::optional<Breach> TagCounter::add(const QByteArray &source, const markup::Tag &tag)
{
    const qsizetype nameLength = tag.nameEnd - tag.nameBegin;
    if (nameLength > tagNameBytes) {
        return Breach{lineAt(source, tag.begin), u"a tag's name is " % QString::number(nameLength) %
                                                     u" bytes long, more than the limit of " %
                                                     QString::number(tagNameBytes)};
    }
    if (tag.kind != markup::TagKind::Entity && tag.kind != markup::TagKind::Unknown) {
        return std::nullopt;
    }
    if (++m_labelTags > labelTags) {
        return Breach{lineAt(source, tag.begin),
                      u"the document has more than " % QString::number(labelTags) %
                          u" label tags (the limit), counted up to here; split it into smaller documents"};
    }
    if (tag.kind != markup::TagKind::Entity || tag.selfClosing) {
        return std::nullopt;
    }
    int &ofLabel = m_open[tag.label];
    if (!tag.closing) {
        ++ofLabel;
        if (++m_depth > nestingDepth) {
            return Breach{lineAt(source, tag.begin), u"more than " % QString::number(nestingDepth) %
                                                         u" label tags are open at once here (the limit of nesting)"};
        }
    } else if (ofLabel > 0) {
        --ofLabel;
        --m_depth;
    }
    return std::nullopt;
}

QString mebibytes(qint64 bytes)
{
    Q_ASSERT(bytes % (1 << 20) == 0);
    return QString::number(bytes >> 20) % u" MiB";
}

QString sizeOf(qint64 bytes)
{
    return QString::number(double(bytes) / double(1 << 20), 'f', 1) % u" MiB (" %
           QLocale(QLocale::English).toString(bytes) % u" bytes)";
}

QString pastLimit(QLatin1StringView what, qint64 bytes, qint64 limit)
{
    return u"the " % what % u" is " % sizeOf(bytes) % u", more than the limit of " % mebibytes(limit);
}

} // namespace InputLimits

} // namespace annorev
