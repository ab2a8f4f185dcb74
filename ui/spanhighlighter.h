#pragma once

#include <QColor>
#include <QList>
#include <QSyntaxHighlighter>

#include <optional>

namespace annorev {

// Colours a document's spans (a background per label) and marks the ranges findings name (a
// wavy underline per severity). Ranges are kept sorted with a running maximum of their ends,
// so a block finds the ranges over it by binary search: highlighting costs what is visible,
// not what the document holds, and an edit re-highlights only the blocks whose ranges changed.
class SpanHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SpanHighlighter)

public:
    // [start, end) in positions of the QTextDocument (SourceView converts); style indexes the colours.
    struct Range
    {
        qsizetype start = 0;
        qsizetype end = 0;
        int style = 0;
        friend bool operator==(const Range &, const Range &) = default;
    };

    // A change of the text: `removed` units at `position` were replaced by `added` units.
    struct TextChange
    {
        qsizetype position = 0;
        qsizetype removed = 0;
        qsizetype added = 0;
    };

    explicit SpanHighlighter(QTextDocument *document);
    ~SpanHighlighter() override;

    void setBackgrounds(QList<QColor> colours);
    void setUnderlines(QList<QColor> colours);

    // Replaces every range without highlighting anything: for a text about to be replaced, which
    // the document's change signal then highlights (call rehighlight() when it stays).
    void resetRanges(QList<Range> spans, QList<Range> findings);
    // Replaces every range for a text that changed by `change` (already applied, or about to be:
    // blocks the change touches are highlighted by the document's own change signal) and
    // re-highlights the blocks whose ranges differ.
    // Without findings the finding marks stay where they were, moved with the text: a check of
    // the new text is on its way.
    void updateRanges(QList<Range> spans, std::optional<QList<Range>> findings, const TextChange &change);

    // Blocks highlighted since the last reset; the tests read it to show that edits stay local.
    int highlightedBlocks() const { return m_highlighted; }

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Index
    {
        QList<Range> ranges;     // by start, then longest first, so nested ranges come after their parents
        QList<qsizetype> maxEnd; // maxEnd[i]: the largest end of ranges[0..i]

        void assign(QList<Range> sorted);
        template <typename Visit> void forEachOver(qsizetype begin, qsizetype end, Visit visit) const;
    };

    void rehighlightRanges(const QList<Range> &changed);

    Index m_spans;
    Index m_findings;
    QList<QColor> m_backgrounds;
    QList<QColor> m_underlines;
    int m_highlighted = 0;
};

} // namespace annorev
