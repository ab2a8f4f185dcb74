#pragma once

#include "document.h"
#include "finding.h"
#include "viewpositions.h"

#include <QList>
#include <QPlainTextEdit>

#include <functional>
#include <optional>

namespace annorev {

class Schema;
class SpanHighlighter;

// The document's plain text with its spans coloured by label and the ranges findings name
// underlined, or, as a toggle, the raw tagged source. Text is only ever shown as plain text.
// Positions in and out are the document's plain-text positions (UTF-16 units), not the
// QTextDocument's: ViewPositions converts between them (a CRLF is one position in the view).
// A new version of the same document is applied as the smallest replacement of the shown text,
// so the view keeps its place and only the changed blocks are laid out and highlighted again.
class SourceView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceView)

public:
    // The tooltip text for a position of the plain text.
    using ToolTipProvider = std::function<QString(qsizetype position)>;

    SourceView(const Schema &schema, QWidget *parent = nullptr);
    ~SourceView() override;

    // sameDocument: doc is a new version of the document shown, not another document. Without
    // findings (the new version is being checked) the finding marks move with the text until
    // showFindings() gives the new ones.
    void showDocument(const Document &doc, const std::optional<QList<Finding>> &findings, bool sameDocument);
    void showFindings(const QList<Finding> &findings);
    void clearDocument(const QString &placeholder);

    void setRawSource(bool raw);
    bool isRawSource() const { return m_raw; }

    // The innermost span at a position of the plain text, or -1.
    qsizetype spanAt(qsizetype position) const;
    // The span at the start of the selection, or at the cursor without one.
    qsizetype spanAtCursor() const;
    // The cursor's position in the plain text.
    qsizetype cursorPosition() const;
    // The selection, [start, end) in the plain text; empty when nothing is selected.
    std::pair<qsizetype, qsizetype> selectedRange() const;
    void selectRange(qsizetype start, qsizetype end);
    // Outlines ranges (the spans of an activated finding) until the next document or call.
    void setFocusRanges(const QList<std::pair<qsizetype, qsizetype>> &ranges);
    // Marks ranges with a coloured underline each (what a second annotation has, or not), kept
    // until they are set again.
    void setComparisonMarks(const QList<std::pair<std::pair<qsizetype, qsizetype>, QColor>> &marks);

    // A model's suggestion drawn as a dashed outline in its label's colour, its score above its
    // end; the current one (Tab moves to it) with a heavier line.
    struct SuggestionMark
    {
        qsizetype start = 0;
        qsizetype end = 0;
        QColor colour;
        std::optional<double> score;
        bool current = false;
    };
    void setSuggestionMarks(const QList<SuggestionMark> &marks);
    const QList<SuggestionMark> &suggestionMarks() const { return m_suggestions; }

    void setToolTipProvider(ToolTipProvider provider) { m_toolTip = std::move(provider); }

    SpanHighlighter *highlighter() const { return m_highlighter; }

protected:
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showText(const QString &text, bool keepPlace, bool findingsKnown);
    void updateColours();
    void updateExtraSelections();
    QTextEdit::ExtraSelection selection(qsizetype start, qsizetype end) const;

    const Schema &m_schema;
    SpanHighlighter *m_highlighter = nullptr;
    Document m_document;
    QList<Finding> m_findings;
    QString m_shown;           // the text the view holds, to find what an edit changed
    ViewPositions m_positions; // between m_document's text and m_shown
    bool m_raw = false;
    ToolTipProvider m_toolTip;
    QList<QTextEdit::ExtraSelection> m_focus;
    QList<QTextEdit::ExtraSelection> m_comparison;
    QList<SuggestionMark> m_suggestions;
};

} // namespace annorev
