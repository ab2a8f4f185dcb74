#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace annorev::bench {

struct GeneratedDocument
{
    QByteArray text; // UTF-8, no trailing newline
    bool html = false; // paragraphs are <p> elements
    bool htmlFileName = false; // most HTML documents are .html files, some are .txt (like the samples)
};

// Writes paragraphs about one invented ML model with inline <label>value</label> tags, in the
// style of resources/samples. With probability faultRate a document gets one or two of the
// faults a reviewer has to catch (see Fault in the .cpp).
class DocumentGenerator
{
public:
    DocumentGenerator(double faultRate, bool allowCrlf);

    // Everything comes from documentSeed, so a document does not depend on the ones before it.
    GeneratedDocument generate(quint64 documentSeed) const;

private:
    double m_faultRate;
    bool m_allowCrlf;
};

} // namespace annorev::bench
