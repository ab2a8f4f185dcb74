#include "checkreport.h"

#include "batchreader.h"
#include "document.h"
#include "jsonnumber.h"
#include "jsonstring.h"
#include "recordfield.h"
#include "sourcelocator.h"

#include <charconv>

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

// Collects output and hands it on in parts of about a megabyte, and the rest when destroyed.
class Parts
{
public:
    Parts(const Write &write, qsizetype estimate) : m_write(write)
    {
        m_bytes.reserve(std::min(estimate, partBytes + partBytes / 8));
    }
    ~Parts()
    {
        if (!m_bytes.isEmpty()) {
            m_write(m_bytes);
        }
    }
    Q_DISABLE_COPY_MOVE(Parts)

    QByteArray &bytes() { return m_bytes; }
    void handOnIfFull()
    {
        if (m_bytes.size() >= partBytes) {
            m_write(m_bytes);
            m_bytes.resize(0);
        }
    }

private:
    static constexpr qsizetype partBytes = 1024 * 1024;
    const Write &m_write;
    QByteArray m_bytes;
};

// Appends text as toUtf8() (or, with latin1, toLatin1()) would encode it. Messages and rule ids
// are nearly always ASCII, which is copied as it is without a temporary array.
void appendEncoded(QByteArray &out, QStringView text, bool latin1 = false)
{
    const qsizetype used = out.size();
    out.resize(used + text.size());
    char *p = out.data() + used;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            out.truncate(used);
            out += latin1 ? text.toLatin1() : text.toUtf8();
            return;
        }
        *p++ = char(c.unicode());
    }
}

void appendNumber(QByteArray &out, qsizetype n)
{
    char digits[24];
    const auto written = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, written.ptr - digits);
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
    text(entry, doc, findings, [&out](const QByteArray &part) { out += part; });
    return out;
}

void text(const SourceEntry &entry, const Document &doc, const QList<Finding> &findings, const Write &write)
{
    if (findings.isEmpty()) {
        return;
    }
    const QByteArray path = entry.path.toUtf8();
    // A growing buffer is copied to a larger one: a short report is reserved at once, a long one
    // is handed on a part at a time.
    Parts out(write, findings.size() * (path.size() + 160));
    // A JSON Lines document sits on one line of its file, whatever newlines its text holds.
    const bool jsonLines = entry.line > 0;
    SourceLocator locator(doc.source(), doc.bodyBegin(),
                          jsonLines ? SourceLocator::Lines::One : SourceLocator::Lines::Split);
    for (const Finding &finding : findings) {
        const SourceLocator::Location location = locator.locate(findingOffset(doc, finding));
        const qsizetype line = jsonLines ? entry.line : location.line;
        QByteArray &bytes = out.bytes();
        bytes += path;
        bytes += ':';
        appendNumber(bytes, line);
        bytes += ':';
        appendNumber(bytes, location.column);
        bytes += ": ";
        appendEncoded(bytes, severityName(finding.severity), true);
        bytes += ": ";
        appendEncoded(bytes, finding.message);
        bytes += " [";
        appendEncoded(bytes, finding.rule, true);
        bytes += "]\n";
        out.handOnIfFull();
    }
}

QByteArray json(const SourceEntry &entry, const Document &doc, const CheckResult &result)
{
    QByteArray out;
    json(entry, doc, result, [&out](const QByteArray &part) { out += part; });
    return out;
}

void json(const SourceEntry &entry, const Document &doc, const CheckResult &result, const Write &write)
{
    Parts parts(write, 256 + 320 * result.findings.size() + 256 * result.analysis.records().size());
    QByteArray &out = parts.bytes();
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
        parts.handOnIfFull();
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
        parts.handOnIfFull();
    }
    out += "]}\n";
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
