#pragma once

#include "document.h"
#include "documentanalysis.h"
#include "schema.h"
#include "wholeword.h"

#include <QList>
#include <QVarLengthArray>

#include <optional>

namespace annorev {

class CountryAliases;

// An integer in the text that is not inside any span and looks like a count of the devices
// named by a hardware span (see the gpu-count-untagged rule). A count may be attached to every
// hardware span of its sentence; the rules report it once, naming the first of them (in span
// order) that they apply to, so those are found here per count rather than listing every pair.
struct AttachedCount
{
    qsizetype start = 0;
    qsizetype end = 0;
    qint64 value = 0;
    // The first attached hardware span whose record has no gpu_count span, or -1.
    qsizetype untaggedHardware = -1;
    // The first attached hardware span whose record's first parsed gpu_count is not value, or -1.
    qsizetype mismatchedHardware = -1;
};

// The attached counts the two gpu-count rules report, in text order: the first FindingList::limit
// of each rule's are kept, the rest only counted. A document of nothing but "8 GPUs, " next to a
// hardware span holds millions, and a rule lists no more than that limit of findings anyway.
struct AttachedCounts
{
    QList<AttachedCount> kept;
    qsizetype untaggedLeftOut = 0;   // past those kept, counts with an untaggedHardware
    qsizetype mismatchedLeftOut = 0; // past those kept, counts with a mismatchedHardware
};

// A count written at the start of a hardware span ("<hardware>768 NVIDIA A100 GPUs</hardware>").
struct EmbeddedCount
{
    qint64 value = 0;
    qsizetype start = 0;      // the digits
    qsizetype end = 0;
    qsizetype nameStart = 0;  // where the accelerator name begins
    qsizetype nameEnd = 0;    // the span's trimmed end
};

// What the rules read: the document, its records and values, and lookups they share.
class CheckContext
{
public:
    CheckContext(const Document &doc, const Schema &schema, const DocumentAnalysis &analysis,
                 const CountryAliases &countries, int currentYear, bool suggestFixes = true);

    const Document &document() const { return m_doc; }
    const QString &text() const { return m_doc.text(); }
    const Schema &schema() const { return m_schema; }
    const DocumentAnalysis &analysis() const { return m_analysis; }
    const CountryAliases &countries() const { return m_countries; }
    int currentYear() const { return m_currentYear; }
    // Whether findings carry their fixes: the window applies them, `check` prints none.
    bool suggestsFixes() const { return m_suggestFixes; }

    // Whether [start, end) overlaps any span (a zero-width range: lies strictly inside one).
    bool overlapsSpan(qsizetype start, qsizetype end) const;
    QString spanText(qsizetype span) const { return m_doc.spanText(m_doc.spans().at(span)); }
    QString quoted(qsizetype span) const;
    // The span's normalised value as people read it: "7.2 × 10⁹", "504 h (21 days)", "Canada".
    QString describeValue(qsizetype span) const;
    // The span's range without surrounding white space.
    std::pair<qsizetype, qsizetype> trimmedRange(qsizetype span) const;
    QString recordName(qsizetype record) const;

    // Untagged integers >= 2 attached to a hardware span in its sentence: directly before it
    // (white space and an optional x/× between), or followed by the span's own text (or its
    // normalised name, ignoring case) and/or a device word (GPUs, TPUs, accelerators, chips).
    // In text order; only counts that one of the two rules reports, as many as they can list.
    const AttachedCounts &attachedCounts() const;
    std::optional<EmbeddedCount> embeddedCount(qsizetype hardwareSpan) const;
    // The hardware spans of every record, with their record, in span order.
    using HardwareSpans = QVarLengthArray<std::pair<qsizetype, qsizetype>, 8>;
    const HardwareSpans &hardwareSpans() const;

    static bool isWordChar(QChar c) { return WholeWord::isWordChar(c); }

private:
    // Of a group of hardware spans (given as record and span): the first, in span order, whose
    // record has no gpu_count span, and the first two whose records' first parsed gpu_counts differ,
    // so that the first span counting other than a given value is one of those two.
    struct FirstHardware
    {
        qsizetype untagged = -1;
        qsizetype counting = -1;
        qint64 countingValue = 0;
        qsizetype otherCounting = -1; // the first whose count is not countingValue
        void add(const CheckContext &context, std::pair<qsizetype, qsizetype> hardware);
        void addCounting(qsizetype span, qint64 value);
        void merge(const FirstHardware &other);
        qsizetype firstNotCounting(qint64 value) const;
    };

    const Document &m_doc;
    const Schema &m_schema;
    const DocumentAnalysis &m_analysis;
    const CountryAliases &m_countries;
    int m_currentYear;
    bool m_suggestFixes;
    // Per span: the furthest end of it and the spans before it. On the stack for most documents,
    // as the hardware spans: a context is made per document.
    QVarLengthArray<qsizetype, 64> m_furthestEnd;
    // Several rules ask; a context lives for one check on one thread.
    mutable std::optional<AttachedCounts> m_attached;
    mutable std::optional<HardwareSpans> m_hardware;
};

} // namespace annorev
