#include "sourceview.h"

#include "plaintooltipdelegate.h"
#include "labelcolour.h"
#include "schema.h"
#include "spanhighlighter.h"
#include "spanselections.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>

namespace annorev {

namespace {

QList<SpanHighlighter::Range> spanRanges(const Document &doc, const Schema &schema, const ViewPositions &view)
{
    QList<SpanHighlighter::Range> ranges;
    ranges.reserve(doc.spans().size());
    const int unknown = int(schema.labels().size());
    for (const Span &span : doc.spans()) {
        const int label = schema.indexOf(span.label);
        ranges.append({view.toView(span.start), view.toView(span.end), label >= 0 ? label : unknown});
    }
    return ranges;
}

QList<SpanHighlighter::Range> findingRanges(const QList<Finding> &findings, const ViewPositions &view)
{
    QList<SpanHighlighter::Range> ranges;
    for (const Finding &finding : findings) {
        // A finding about the whole document has no range to mark.
        if (finding.end > finding.start) {
            ranges.append({view.toView(finding.start), view.toView(finding.end), int(finding.severity)});
        }
    }
    return ranges;
}

} // namespace

SourceView::SourceView(const Schema &schema, QWidget *parent) : QPlainTextEdit(parent), m_schema(schema)
{
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setCenterOnScroll(false);
    m_highlighter = new SpanHighlighter(document());
    updateColours();
}

SourceView::~SourceView() = default;

void SourceView::updateColours()
{
    const QColor base = palette().color(QPalette::Base);
    QList<QColor> backgrounds;
    for (const LabelInfo &label : m_schema.labels()) {
        backgrounds.append(SpanSelections::background(labelColour(label), base));
    }
    backgrounds.append(SpanSelections::background(QColor(Qt::gray), base));
    m_highlighter->setBackgrounds(std::move(backgrounds));
    // Indexed by Severity: info, warning, error.
    m_highlighter->setUnderlines({SpanSelections::findingUnderline(Severity::Info, base),
                                  SpanSelections::findingUnderline(Severity::Warning, base),
                                  SpanSelections::findingUnderline(Severity::Error, base)});
}

void SourceView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateColours();
        m_highlighter->rehighlight();
    }
}

void SourceView::showDocument(const Document &doc, const std::optional<QList<Finding>> &findings, bool sameDocument)
{
    m_document = doc;
    if (findings) {
        m_findings = *findings;
    }
    setFocusRanges({});
    if (m_raw) {
        m_highlighter->resetRanges({}, {});
        m_positions = ViewPositions(QString::fromUtf8(doc.source()));
        showText(doc.source().isEmpty() ? QString() : m_positions.viewText(), sameDocument, true);
        return;
    }
    m_positions = ViewPositions(doc.text());
    if (!sameDocument || m_shown.isNull()) {
        m_highlighter->resetRanges(spanRanges(doc, m_schema, m_positions),
                                   findings ? findingRanges(*findings, m_positions) : QList<SpanHighlighter::Range>());
        showText(m_positions.viewText(), false, true);
        return;
    }
    showText(m_positions.viewText(), true, findings.has_value());
}

void SourceView::showFindings(const QList<Finding> &findings)
{
    m_findings = findings;
    if (!m_raw && !m_shown.isNull()) {
        m_highlighter->updateRanges(spanRanges(m_document, m_schema, m_positions), findingRanges(findings, m_positions),
                                    {});
    }
}

void SourceView::showText(const QString &text, bool keepPlace, bool findingsKnown)
{
    const bool highlighted = !m_raw && keepPlace;
    if (!keepPlace || m_shown.isNull()) {
        m_shown = text.isNull() ? QString(QStringLiteral("")) : text;
        setPlainText(m_shown);
        if (m_raw) {
            m_highlighter->rehighlight();
        }
        return;
    }
    // The smallest replacement that turns what is shown into text.
    const qsizetype common = std::min(m_shown.size(), text.size());
    qsizetype prefix = 0;
    while (prefix < common && m_shown.at(prefix) == text.at(prefix)) {
        ++prefix;
    }
    qsizetype suffix = 0;
    while (suffix < common - prefix && m_shown.at(m_shown.size() - 1 - suffix) == text.at(text.size() - 1 - suffix)) {
        ++suffix;
    }
    const qsizetype removed = m_shown.size() - prefix - suffix;
    const qsizetype added = text.size() - prefix - suffix;
    if (highlighted) {
        // The ranges first: the replacement below highlights the blocks it touches with them.
        m_highlighter->updateRanges(spanRanges(m_document, m_schema, m_positions),
                                    findingsKnown ? std::optional(findingRanges(m_findings, m_positions))
                                                  : std::nullopt,
                                    {prefix, removed, added});
    }
    if (removed > 0 || added > 0) {
        const int scroll = verticalScrollBar()->value();
        QTextCursor cursor(document());
        cursor.setPosition(int(prefix));
        cursor.setPosition(int(prefix + removed), QTextCursor::KeepAnchor);
        cursor.insertText(text.mid(prefix, added));
        m_shown = text;
        verticalScrollBar()->setValue(scroll);
    }
}

void SourceView::clearDocument(const QString &placeholder)
{
    m_document = {};
    m_findings.clear();
    m_shown = QString();
    m_positions = ViewPositions();
    m_highlighter->resetRanges({}, {});
    m_comparison.clear();
    setFocusRanges({});
    clear();
    setPlaceholderText(placeholder);
}

void SourceView::setRawSource(bool raw)
{
    if (m_raw == raw) {
        return;
    }
    m_raw = raw;
    const Document doc = m_document;
    const QList<Finding> findings = m_findings;
    m_shown = QString();
    if (doc.source().isEmpty() && doc.text().isEmpty()) {
        return;
    }
    showDocument(doc, findings, false);
}

qsizetype SourceView::spanAt(qsizetype position) const
{
    if (m_raw) {
        return -1;
    }
    qsizetype best = -1;
    const QList<Span> &spans = m_document.spans();
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const Span &span = spans.at(i);
        // A cursor just after a span's last character is still on it.
        if (span.start <= position && position <= span.end && span.end > span.start) {
            if (best < 0 || span.length() < spans.at(best).length()) {
                best = i;
            }
        }
    }
    return best;
}

qsizetype SourceView::spanAtCursor() const
{
    // Without a selection its start is the cursor.
    return spanAt(m_positions.toText(textCursor().selectionStart()));
}

qsizetype SourceView::cursorPosition() const
{
    return m_positions.toText(textCursor().position());
}

std::pair<qsizetype, qsizetype> SourceView::selectedRange() const
{
    const QTextCursor cursor = textCursor();
    return {m_positions.toText(cursor.selectionStart()), m_positions.toText(cursor.selectionEnd())};
}

void SourceView::selectRange(qsizetype start, qsizetype end)
{
    QTextCursor cursor(document());
    const qsizetype length = document()->characterCount() - 1;
    cursor.setPosition(int(std::clamp<qsizetype>(m_positions.toView(start), 0, length)));
    cursor.setPosition(int(std::clamp<qsizetype>(m_positions.toView(end), 0, length)), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    ensureCursorVisible();
}

QTextEdit::ExtraSelection SourceView::selection(qsizetype start, qsizetype end) const
{
    const qsizetype length = document()->characterCount() - 1;
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(document());
    selection.cursor.setPosition(int(std::clamp<qsizetype>(m_positions.toView(start), 0, length)));
    selection.cursor.setPosition(int(std::clamp<qsizetype>(m_positions.toView(end), 0, length)),
                                 QTextCursor::KeepAnchor);
    return selection;
}

void SourceView::setFocusRanges(const QList<std::pair<qsizetype, qsizetype>> &ranges)
{
    m_focus.clear();
    for (const auto &[start, end] : ranges) {
        QTextEdit::ExtraSelection focus = selection(start, end);
        focus.format.setFontUnderline(true);
        focus.format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        focus.format.setFontWeight(QFont::Bold);
        m_focus.append(focus);
    }
    updateExtraSelections();
}

void SourceView::setComparisonMarks(const QList<std::pair<std::pair<qsizetype, qsizetype>, QColor>> &marks)
{
    m_comparison.clear();
    for (const auto &[range, colour] : marks) {
        QTextEdit::ExtraSelection mark = selection(range.first, range.second);
        mark.format.setUnderlineStyle(QTextCharFormat::DashUnderline);
        mark.format.setUnderlineColor(colour);
        m_comparison.append(mark);
    }
    updateExtraSelections();
}

void SourceView::setSuggestionMarks(const QList<SuggestionMark> &marks)
{
    m_suggestions = marks;
    viewport()->update();
}

void SourceView::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_suggestions.isEmpty() || m_raw) {
        return;
    }
    QPainter painter(viewport());
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.75);
    painter.setFont(small);
    const QRect visible = viewport()->rect();
    const QPointF offset = contentOffset();
    for (const SuggestionMark &mark : std::as_const(m_suggestions)) {
        painter.setPen(QPen(mark.colour, mark.current ? 2 : 1, Qt::DashLine));
        const int start = int(m_positions.toView(mark.start));
        const int end = int(m_positions.toView(mark.end));
        QRectF last;
        // One rectangle per visual line of every block the range covers.
        for (QTextBlock block = document()->findBlock(start); block.isValid() && block.position() < end;
             block = block.next()) {
            const QRectF area = blockBoundingGeometry(block).translated(offset);
            if (area.top() > visible.bottom()) {
                break;
            }
            const QTextLayout *layout = block.layout();
            for (int i = 0; i < layout->lineCount(); ++i) {
                const QTextLine line = layout->lineAt(i);
                const int from = std::max(start - block.position(), line.textStart());
                const int to = std::min(end - block.position(), line.textStart() + line.textLength());
                if (from >= to) {
                    continue;
                }
                const qreal left = line.cursorToX(from);
                const qreal right = line.cursorToX(to);
                last =
                    QRectF(area.left() + left, area.top() + line.y(), std::max<qreal>(right - left, 3), line.height());
                if (last.intersects(visible)) {
                    painter.drawRect(last.adjusted(-1, 0, 0, -1));
                }
            }
        }
        if (mark.score && last.isValid() && last.intersects(visible)) {
            painter.drawText(QPointF(last.right() + 2, last.top() + painter.fontMetrics().ascent() - 1),
                             QString::number(*mark.score, 'f', 2));
        }
    }
}

void SourceView::updateExtraSelections()
{
    setExtraSelections(m_comparison + m_focus);
}

bool SourceView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_toolTip && !m_raw) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QTextCursor cursor = cursorForPosition(help->pos());
        PlainToolTipDelegate::showPlainToolTip(help->globalPos(), m_toolTip(m_positions.toText(cursor.position())),
                                               this);
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

} // namespace annorev
