#pragma once

#include "annotatedtext.h"
#include "raterreliability.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace annorev {

// How far two annotations of the same documents agree: B is scored against A as if A were right.
//
// Spans match when they have the same label and
// - exact: the same start and end;
// - overlap: ranges that share at least one character. Exact matches are taken first; the spans
//   left are then paired by largest overlap (ties: A's span first, then B's, in text order).
// Each span matches at most once. Precision is B's matched spans over B's spans, recall A's over
// A's, F1 their harmonic mean, 2·matched / (A's spans + B's spans).
//
// Cohen's kappa is counted over tokens, the maximal runs of letters, digits and combining marks
// (so "NVIDIA A100-80GB" is NVIDIA, A100, 80GB). A token's category on each side is the label of
// the span holding its first character (the shortest one where spans nest), or "outside". Per
// label, kappa is that of the two categories "this label" and "anything else".
namespace Agreement {

struct Scores
{
    std::optional<double> precision; // none when B has no span
    std::optional<double> recall;    // none when A has no span
    std::optional<double> f1;        // none when neither has one
    static Scores of(qsizetype matched, qsizetype aSpans, qsizetype bSpans);
};

struct Counts
{
    qsizetype aSpans = 0;
    qsizetype bSpans = 0;
    qsizetype exact = 0;   // matched pairs
    qsizetype overlap = 0; // matched pairs, exact ones included
    Scores exactScores() const { return Scores::of(exact, aSpans, bSpans); }
    Scores overlapScores() const { return Scores::of(overlap, aSpans, bSpans); }
    void add(const Counts &other);
};

struct DocumentDiff
{
    QString id;
    Counts counts;
    QList<qsizetype> unmatchedA; // A's spans without an exact match, as indexes into its spans
    QList<qsizetype> unmatchedB;
    // Those spans themselves: a comparison streamed through two batches keeps no document.
    QList<AnnotatedText::Span> spansOnlyInA;
    QList<AnnotatedText::Span> spansOnlyInB;
    qsizetype unmatched() const { return unmatchedA.size() + unmatchedB.size(); }
};

struct Result
{
    qsizetype compared = 0;  // documents in both, with the same text
    QStringList onlyInA;     // in A's order
    QStringList onlyInB;     // in B's order
    QStringList textDiffers; // in both with different plain texts: not compared; in A's order
    QStringList labels;      // every label either side has a span of, by name
    QHash<QString, Counts> perLabel;
    Counts overall;
    qsizetype tokens = 0;
    std::optional<double> kappa; // none when chance agreement is 1 (one category throughout)
    QHash<QString, std::optional<double>> labelKappa;
    // The same tokens for the figures across annotators (categories: the labels, then outside).
    RaterReliability tokenReliability;
    QList<DocumentDiff> differing; // with an unmatched span: most unmatched first, then by id
};

// How the spans of one document pair up under the rules above (a and b have the same text and
// unit): exact matches first, then the rest by largest overlap.
struct Pairing
{
    QList<qsizetype> partnerOfA; // for each of A's spans, B's span it is paired with, or -1
    QList<qsizetype> partnerOfB; // for each of B's spans, A's span, or -1
    QList<bool> exact;           // for each of A's spans, whether its pair has the same range
};
Pairing pairSpans(const AnnotatedText &a, const AnnotatedText &b);

// A comparison built up one document at a time, in A's order, so that two batches can be compared
// without holding either (see BatchComparison); compare() is this over two lists. Labels are
// numbered as they turn up and put in name order by result(), which computes the kappas in that
// order, so that the figures come out as if every label had been known from the start.
//
// What one document pair adds (PairFigures) is measured apart from adding it, so that workers can
// measure pairs at once while one thread adds them up in A's order.
struct PairFigures
{
    struct TokenCounts
    {
        QString label;
        qsizetype inA = 0; // tokens of the label on each side, and on both
        qsizetype inB = 0;
        qsizetype same = 0;
    };
    DocumentDiff diff;
    QHash<QString, Counts> perLabel;
    QList<TokenCounts> tokensPerLabel;  // every label of the pair's spans, on either side
    std::array<qsizetype, 3> outside{}; // tokens outside any span: in A, in B, in both
    qsizetype tokens = 0;

    // a and b have the same text and unit.
    static PairFigures of(const AnnotatedText &a, const AnnotatedText &b);
};

class Tally
{
public:
    void onlyInA(const QString &id) { m_result.onlyInA.append(id); }
    void onlyInB(const QString &id) { m_result.onlyInB.append(id); }
    void textDiffers(const QString &id) { m_result.textDiffers.append(id); }
    // A document in both with the same text (and unit).
    void add(const AnnotatedText &a, const AnnotatedText &b) { add(PairFigures::of(a, b)); }
    void add(PairFigures pair);
    Result result() &&;

private:
    int categoryOf(const QString &label);

    Result m_result;
    QHash<QString, int> m_categories; // labels by the number they were given
    QStringList m_labels;             // by number
    // Tokens per category on each side and where both agree, by number; outside any span apart.
    QList<qsizetype> m_inA;
    QList<qsizetype> m_inB;
    QList<qsizetype> m_same;
    std::array<qsizetype, 3> m_outside{}; // in A, in B, in both
};

// Documents are matched by id; both lists need one unit of offsets.
Result compare(const QList<AnnotatedText> &a, const QList<AnnotatedText> &b);

// One document as several annotators labelled it, for the figures across all of them: each token
// a unit, its category for each annotator as for kappa above. versions[i] is annotator i's
// version, or nullptr when i has none; the rest have one text and unit. Categories are numbered
// as *labels lists them, "outside" as the empty label.
RaterReliability tokenReliability(const QList<const AnnotatedText *> &versions, QStringList *labels);

// [start, end) of each token of text, counted in unit.
QList<std::pair<qsizetype, qsizetype>> tokens(QStringView text, OffsetUnit unit);

} // namespace Agreement

} // namespace annorev
