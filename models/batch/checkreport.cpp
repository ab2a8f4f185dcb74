#include "checkreport.h"

#include "batchreader.h"
#include "document.h"
#include "jsonnumber.h"
#include "jsonstring.h"
#include "recordfield.h"
#include "sourcelocator.h"

namespace annorev::CheckReport {

namespace {

qsizetype findingOffset(const Document &doc, const Finding &finding)
{
    if (finding.sourceOffset >= 0) {
        return finding.sourceOffset;
    }
    // A finding about the whole document points at its first line and column.
    if (finding.start == 0 && finding.end == 0) {
        return doc.bodyBegin();
    }
    return doc.sourceOffset(finding.start);
}

} // namespace

void Counts::add(const QList<Finding> &findings)
{
    for (const Finding &finding : findings) {
        switch (finding.severity) {
        case Severity::Error:
            ++errors;
            break;
        case Severity::Warning:
            ++warnings;
            break;
        case Severity::Info:
            ++infos;
            break;
        }
    }
}

void Counts::add(const Counts &other)
{
    errors += other.errors;
    warnings += other.warnings;
    infos += other.infos;
}

QByteArray text(const SourceEntry &entry, const Document &doc, const QList<Finding> &findings)
{
    QByteArray out;
    if (findings.isEmpty()) {
        return out;
    }
    const QByteArray path = entry.path.toUtf8();
    // A growing buffer is copied to a larger one; a long document's report is reserved at once.
    out.reserve(findings.size() * (path.size() + 160));
    // A JSON Lines document sits on one line of its file, whatever newlines its text holds.
    const bool jsonLines = entry.line > 0;
    SourceLocator locator(doc.source(), doc.bodyBegin(),
                          jsonLines ? SourceLocator::Lines::One : SourceLocator::Lines::Split);
    for (const Finding &finding : findings) {
        const SourceLocator::Location location = locator.locate(findingOffset(doc, finding));
        const qsizetype line = jsonLines ? entry.line : location.line;
        out += path + ':' + QByteArray::number(line) + ':' + QByteArray::number(location.column) + ": " +
               severityName(finding.severity).toLatin1() + ": " + finding.message.toUtf8() + " [" +
               finding.rule.toLatin1() + "]\n";
    }
    return out;
}

QByteArray json(const SourceEntry &entry, const Document &doc, const CheckResult &result)
{
    QByteArray out;
    out.reserve(256 + 320 * result.findings.size() + 256 * result.analysis.records().size());
    out += "{\"id\": ";
    JsonString::append(&out, entry.id);
    out += ", \"records\": [";
    const DocumentAnalysis &analysis = result.analysis;
    for (qsizetype record = 0; record < analysis.records().size(); ++record) {
        out += record ? ", {" : "{";
        bool first = true;
        for (const RecordField &field : RecordField::all()) {
            out += first ? "\"" : ", \"";
            first = false;
            out += field.key;
            out += "\": ";
            const RecordField::Value value = field.value(analysis, record);
            switch (value.kind) {
            case RecordField::Value::Kind::Null:
                out += "null";
                break;
            case RecordField::Value::Kind::Text:
                JsonString::append(&out, value.text);
                break;
            case RecordField::Value::Kind::Number:
                JsonNumber::append(&out, value.number);
                break;
            }
        }
        out += '}';
    }
    out += "], \"findings\": [";
    for (qsizetype i = 0; i < result.findings.size(); ++i) {
        const Finding &finding = result.findings.at(i);
        out += i ? ", {\"rule\": " : "{\"rule\": ";
        JsonString::append(&out, finding.rule);
        out += ", \"severity\": \"" + severityName(finding.severity).toLatin1() + "\", \"start\": ";
        JsonNumber::appendInteger(&out, doc.codePointOffset(finding.start));
        out += ", \"end\": ";
        JsonNumber::appendInteger(&out, doc.codePointOffset(finding.end));
        out += ", \"text\": ";
        JsonString::append(&out, QStringView(doc.text()).sliced(finding.start, finding.end - finding.start));
        out += ", \"message\": ";
        JsonString::append(&out, finding.message);
        out += '}';
    }
    out += "]}\n";
    return out;
}

QByteArray summary(qsizetype documents, const Counts &counts)
{
    auto plural = [](qsizetype n, const char *one, const char *many) -> QByteArray {
        return QByteArray::number(n) + ' ' + (n == 1 ? one : many);
    };
    return plural(documents, "document", "documents") + " checked: " + plural(counts.errors, "error", "errors") +
           ", " + plural(counts.warnings, "warning", "warnings") + ", " + plural(counts.infos, "info", "infos") + '\n';
}

} // namespace annorev::CheckReport
