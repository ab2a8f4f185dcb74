#pragma once

#include "finding.h"

#include <QByteArrayView>
#include <QString>
#include <QVarLengthArray>

#include <array>

namespace annorev {

// The facts of a document as the store keeps them (DocumentFacts::encoded()), read in place: the
// names stay views into the text, percent-encoded as written, and nothing is allocated per
// document. This is how `stats` and stratified draws get through a million documents' facts;
// DocumentFacts::decoded() reads with it too, so that both refuse the same texts.
class FactsView
{
public:
    struct Label
    {
        QByteArrayView name; // percent-encoded; name() decodes it
        qsizetype spans = 0;
    };
    struct Rule
    {
        QByteArrayView name; // percent-encoded; name() decodes it
        Severity severity = Severity::Warning;
        qsizetype findings = 0;
    };

    // Reads text, an encoded() line; false, leaving the view empty, when it is not one. The views
    // point into text, which must outlive them.
    bool read(QByteArrayView text);

    qsizetype records() const { return m_records; }
    const std::array<qsizetype, 3> &bySeverity() const { return m_bySeverity; } // indexed by Severity
    const QVarLengthArray<Label, 16> &labels() const { return m_labels; }       // by name, each once
    const QVarLengthArray<Rule, 16> &rules() const { return m_rules; }          // by name, then severity

    static QString name(QByteArrayView encodedName);
    // The letter encoded() writes for a severity: i, w or e.
    static char severityLetter(Severity severity);

private:
    void clear();

    qsizetype m_records = 0;
    std::array<qsizetype, 3> m_bySeverity{};
    QVarLengthArray<Label, 16> m_labels;
    QVarLengthArray<Rule, 16> m_rules;
};

} // namespace annorev
